/// Why information was withheld: a Freedom of Information Act exemption or an Environmental
/// Information Regulations exception, as the refusal notice must cite it. Qualified ones apply
/// only when the public interest in withholding outweighs that in disclosing, so a public
/// interest test must be recorded with them.
///
/// A Scottish council answers under the Freedom of Information (Scotland) Act 2002 and the
/// Environmental Information (Scotland) Regulations 2004, whose exemptions and exceptions are
/// numbered differently (FOISA's section 38 is personal information; the EIR(S) exceptions are in
/// regulation 10), so each law's list is its own (`available(for:underFOISA:)`).
public struct Exemption: Sendable, Equatable, Hashable {
    public var code: String
    public var title: String
    public var regime: InformationRequestKind
    public var isQualified: Bool
    /// Scots law: FOISA or the EIR(S).
    public var isScottish: Bool

    init(code: String, title: String, regime: InformationRequestKind, isQualified: Bool, isScottish: Bool = false) {
        self.code = code
        self.title = title
        self.regime = regime
        self.isQualified = isQualified
        self.isScottish = isScottish
    }

    public static let all: [Exemption] = foi + eir + foisa + eirScotland

    public static func find(_ code: String) -> Exemption? {
        all.first { $0.code == code }
    }

    /// The exemptions (FOI) or exceptions (EIR) a council may cite for a request of `kind`:
    /// Scots law's when the council answers under FOISA.
    public static func available(for kind: InformationRequestKind, underFOISA: Bool) -> [Exemption] {
        all.filter { $0.regime == kind && $0.isScottish == underFOISA }
    }

    /// FOISA Part 2's exemptions a council can use (those for the Scottish Administration's
    /// policy making and the royal household left out). Section 36(2), 37 and 38 are absolute.
    static let foisa: [Exemption] = [
        .init(code: "foisa-s25", title: "Section 25: information otherwise accessible", regime: .freedomOfInformation, isQualified: false, isScottish: true),
        .init(code: "foisa-s26", title: "Section 26: prohibitions on disclosure", regime: .freedomOfInformation, isQualified: false, isScottish: true),
        .init(code: "foisa-s27", title: "Section 27: information intended for future publication", regime: .freedomOfInformation, isQualified: true,
              isScottish: true),
        .init(code: "foisa-s30", title: "Section 30: prejudice to effective conduct of public affairs", regime: .freedomOfInformation, isQualified: true,
              isScottish: true),
        .init(code: "foisa-s31", title: "Section 31: national security and defence", regime: .freedomOfInformation, isQualified: true, isScottish: true),
        .init(code: "foisa-s33", title: "Section 33: commercial interests and the economy", regime: .freedomOfInformation, isQualified: true,
              isScottish: true),
        .init(code: "foisa-s34", title: "Section 34: investigations and proceedings", regime: .freedomOfInformation, isQualified: true, isScottish: true),
        .init(code: "foisa-s35", title: "Section 35: law enforcement", regime: .freedomOfInformation, isQualified: true, isScottish: true),
        .init(code: "foisa-s36(1)", title: "Section 36(1): confidentiality of communications (legal professional privilege)",
              regime: .freedomOfInformation, isQualified: true, isScottish: true),
        .init(code: "foisa-s36(2)", title: "Section 36(2): information provided in confidence", regime: .freedomOfInformation, isQualified: false,
              isScottish: true),
        .init(code: "foisa-s37", title: "Section 37: court records", regime: .freedomOfInformation, isQualified: false, isScottish: true),
        .init(code: "foisa-s38", title: "Section 38: personal information", regime: .freedomOfInformation, isQualified: false, isScottish: true),
        .init(code: "foisa-s39", title: "Section 39: health, safety and the environment", regime: .freedomOfInformation, isQualified: true,
              isScottish: true),
        .init(code: "foisa-s40", title: "Section 40: audit functions", regime: .freedomOfInformation, isQualified: true, isScottish: true),
    ]

    /// The Environmental Information (Scotland) Regulations 2004: regulation 10's exceptions
    /// (each with the public interest test, reg 10(1)(b)); personal data under regulation 11.
    static let eirScotland: [Exemption] = [
        .init(code: "eirs-10(4)(a)", title: "Regulation 10(4)(a): information not held", regime: .environmentalInformation, isQualified: true,
              isScottish: true),
        .init(code: "eirs-10(4)(b)", title: "Regulation 10(4)(b): manifestly unreasonable request", regime: .environmentalInformation,
              isQualified: true, isScottish: true),
        .init(code: "eirs-10(4)(c)", title: "Regulation 10(4)(c): request formulated too generally", regime: .environmentalInformation,
              isQualified: true, isScottish: true),
        .init(code: "eirs-10(4)(d)", title: "Regulation 10(4)(d): material in the course of completion", regime: .environmentalInformation,
              isQualified: true, isScottish: true),
        .init(code: "eirs-10(4)(e)", title: "Regulation 10(4)(e): internal communications", regime: .environmentalInformation, isQualified: true,
              isScottish: true),
        .init(code: "eirs-10(5)(a)", title: "Regulation 10(5)(a): international relations, defence, national security or public safety",
              regime: .environmentalInformation, isQualified: true, isScottish: true),
        .init(code: "eirs-10(5)(b)", title: "Regulation 10(5)(b): the course of justice", regime: .environmentalInformation, isQualified: true,
              isScottish: true),
        .init(code: "eirs-10(5)(c)", title: "Regulation 10(5)(c): intellectual property rights", regime: .environmentalInformation,
              isQualified: true, isScottish: true),
        .init(code: "eirs-10(5)(d)", title: "Regulation 10(5)(d): confidentiality of proceedings", regime: .environmentalInformation,
              isQualified: true, isScottish: true),
        .init(code: "eirs-10(5)(e)", title: "Regulation 10(5)(e): confidentiality of commercial or industrial information",
              regime: .environmentalInformation, isQualified: true, isScottish: true),
        .init(code: "eirs-10(5)(f)", title: "Regulation 10(5)(f): interests of the person who provided the information",
              regime: .environmentalInformation, isQualified: true, isScottish: true),
        .init(code: "eirs-10(5)(g)", title: "Regulation 10(5)(g): protection of the environment", regime: .environmentalInformation,
              isQualified: true, isScottish: true),
        .init(code: "eirs-11", title: "Regulation 11: personal data", regime: .environmentalInformation, isQualified: false, isScottish: true),
    ]

    /// The exemptions a council can use (those only for Parliament, the security bodies'
    /// own records or central government's policy making are left out).
    static let foi: [Exemption] = [
        .init(code: "s21", title: "Section 21: information accessible by other means", regime: .freedomOfInformation, isQualified: false),
        .init(code: "s22", title: "Section 22: information intended for future publication", regime: .freedomOfInformation, isQualified: true),
        .init(code: "s22A", title: "Section 22A: research intended for future publication", regime: .freedomOfInformation, isQualified: true),
        .init(code: "s24", title: "Section 24: national security", regime: .freedomOfInformation, isQualified: true),
        .init(code: "s30", title: "Section 30: investigations and proceedings", regime: .freedomOfInformation, isQualified: true),
        .init(code: "s31", title: "Section 31: law enforcement", regime: .freedomOfInformation, isQualified: true),
        .init(code: "s32", title: "Section 32: court records", regime: .freedomOfInformation, isQualified: false),
        .init(code: "s33", title: "Section 33: audit functions", regime: .freedomOfInformation, isQualified: true),
        .init(code: "s36", title: "Section 36: prejudice to the effective conduct of public affairs", regime: .freedomOfInformation, isQualified: true),
        .init(code: "s38", title: "Section 38: health and safety", regime: .freedomOfInformation, isQualified: true),
        .init(code: "s40(1)", title: "Section 40(1): the requester's own personal data (answered as a subject access request)",
              regime: .freedomOfInformation, isQualified: false),
        .init(code: "s40(2)", title: "Section 40(2): other people's personal data", regime: .freedomOfInformation, isQualified: false),
        .init(code: "s41", title: "Section 41: information provided in confidence", regime: .freedomOfInformation, isQualified: false),
        .init(code: "s42", title: "Section 42: legal professional privilege", regime: .freedomOfInformation, isQualified: true),
        .init(code: "s43(1)", title: "Section 43(1): trade secrets", regime: .freedomOfInformation, isQualified: true),
        .init(code: "s43(2)", title: "Section 43(2): commercial interests", regime: .freedomOfInformation, isQualified: true),
        .init(code: "s44", title: "Section 44: prohibitions on disclosure", regime: .freedomOfInformation, isQualified: false),
    ]

    /// Every exception is qualified (reg 12(1)(b)), with a presumption in favour of disclosure
    /// (reg 12(2)); personal data falls under regulation 13.
    static let eir: [Exemption] = [
        .init(code: "12(4)(a)", title: "Regulation 12(4)(a): information not held", regime: .environmentalInformation, isQualified: true),
        .init(code: "12(4)(b)", title: "Regulation 12(4)(b): manifestly unreasonable request", regime: .environmentalInformation, isQualified: true),
        .init(code: "12(4)(c)", title: "Regulation 12(4)(c): request formulated too generally", regime: .environmentalInformation, isQualified: true),
        .init(code: "12(4)(d)", title: "Regulation 12(4)(d): material in the course of completion", regime: .environmentalInformation, isQualified: true),
        .init(code: "12(4)(e)", title: "Regulation 12(4)(e): internal communications", regime: .environmentalInformation, isQualified: true),
        .init(code: "12(5)(a)", title: "Regulation 12(5)(a): international relations, defence, national security or public safety",
              regime: .environmentalInformation, isQualified: true),
        .init(code: "12(5)(b)", title: "Regulation 12(5)(b): the course of justice", regime: .environmentalInformation, isQualified: true),
        .init(code: "12(5)(c)", title: "Regulation 12(5)(c): intellectual property rights", regime: .environmentalInformation, isQualified: true),
        .init(code: "12(5)(d)", title: "Regulation 12(5)(d): confidentiality of proceedings", regime: .environmentalInformation, isQualified: true),
        .init(code: "12(5)(e)", title: "Regulation 12(5)(e): confidentiality of commercial or industrial information",
              regime: .environmentalInformation, isQualified: true),
        .init(code: "12(5)(f)", title: "Regulation 12(5)(f): interests of the person who provided the information",
              regime: .environmentalInformation, isQualified: true),
        .init(code: "12(5)(g)", title: "Regulation 12(5)(g): protection of the environment", regime: .environmentalInformation, isQualified: true),
        .init(code: "13", title: "Regulation 13: personal data", regime: .environmentalInformation, isQualified: false),
    ]
}

/// One thing withheld from a response, and the exemption it was withheld under.
public struct WithheldItem: Sendable, Equatable {
    public var description: String
    public var exemption: Exemption
    /// Why the public interest favoured withholding; required for a qualified exemption.
    public var publicInterestTest: String

    public init(description: String, exemption: Exemption, publicInterestTest: String = "") {
        self.description = description
        self.exemption = exemption
        self.publicInterestTest = publicInterestTest
    }

    public var problems: [FieldProblem] {
        var problems: [FieldProblem] = []
        if description.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            problems.append(.init(field: "withheld-description", message: "Describe what was withheld"))
        }
        if exemption.isQualified && publicInterestTest.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            problems.append(.init(field: "public-interest", message: "Record the public interest test: \(exemption.title) is qualified"))
        }
        return problems
    }
}
