import Foundation

/// The demo council's guidance for advisors: prompts for the services callers ask about most.
enum DemoAdvisorGuidance {
    static let byCode: [String: String] = [
        "missed-bin": """
            Check the collection calendar for their street first: if the crew has not been yet today, say so and do not log a report.

            Ask whether the bin was out by 7am and the lid closed. If the crew tagged it as contaminated, explain why rather than reporting it missed.

            A second miss at the same address in four weeks is failure demand: log it as such and offer an assisted collection.
            """,
        "street-light": """
            Ask for the number on the column (a small plate about head height) and the nearest house number.

            A light that is sparking, leaning or has its door open is dangerous: transfer the call to the highways emergency line at once.
            """,
        "fly-tipping": """
            Ask them not to touch or move it: it may hold needles or asbestos.

            Ask what it is, how much (a bag, a car boot, a van load) and exactly where. If it blocks a road or footway, raise it as urgent.
            """,
        "council-tax-move": """
            Take the date they moved and the new address. Check whether anyone else still lives at the old address before closing the account.

            Offer a direct debit on the new account, and tell them a new bill follows within 10 working days.
            """,
        "parking-permit": """
            They need an online account to apply. If they cannot use one, start the form for them from their record (assisted digital).

            Ask for the vehicle registration and check the address is inside a permit zone before taking payment.
            """,
    ]
}
