"""axe-core in a real Chromium: the copy of axe 4.x shipped inside the axe-playwright-python
package, injected with Selenium and run against WCAG 2.0, 2.1 and 2.2 A and AA rules."""
from functools import lru_cache
from pathlib import Path

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


@lru_cache(maxsize=1)
def axe_source() -> str:
    import axe_playwright_python
    package = Path(axe_playwright_python.__file__).parent
    candidates = sorted(package.rglob("axe.min.js"))
    assert candidates, f"axe.min.js not found under {package}"
    return candidates[0].read_text()


def axe_audit(driver) -> dict:
    """Runs axe on the page the driver shows; returns {"violations": [...], "version": "4.x"}
    (or {"error": ...} if axe itself failed)."""
    driver.execute_script(axe_source())
    return driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})"
        ".then(r => done({violations: r.violations, version: axe.version}))"
        ".catch(e => done({error: String(e)}));",
        WCAG_TAGS,
    )


audit = axe_audit  # the shorter name some suites use


def describe(violations: list) -> str:
    """One entry per violation: rule id, impact, what is wrong, the offending nodes, the help URL."""
    lines = []
    for violation in violations:
        nodes = violation["nodes"]
        targets = ", ".join(" ".join(map(str, node["target"])) for node in nodes[:5])
        if len(nodes) > 5:
            targets += f" (and {len(nodes) - 5} more)"
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']} -> {targets}\n    {violation['helpUrl']}")
    return "\n".join(lines)
