import ArgumentParser
import Foundation
import FrontDoorApp
import FrontDoorDomain
import FrontDoorPersistence

struct ReceiveEmail: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "receive-email",
        abstract: "Take in one email, read as raw RFC 5322 from standard input (a mail server's pipe delivery).",
        discussion: """
            The email becomes a case (or joins the case its reference or thread names) for the council \
            whose mail domain it was sent to, exactly as the inbound email webhook does. Exit status as \
            mail servers expect (sysexits): 0 taken in (or already had), 65 not an email, 67 no council \
            receives mail at that address (bounce it), 75 try again later (the database could not be reached).
            """)

    /// The largest message read; larger ones are refused rather than half read.
    static let largest = 40 * 1024 * 1024

    func run() async throws {
        let raw = FileHandle.standardInput.readDataToEndOfFile()
        guard !raw.isEmpty, raw.count <= Self.largest else {
            CommandSupport.printError(raw.isEmpty ? "no email on standard input" : "the email is larger than \(Self.largest / 1024 / 1024) MB")
            throw ExitCode(65)
        }
        let email = InboundEmail.parse(raw)
        guard email.from != nil, !email.recipients.isEmpty else {
            CommandSupport.printError("standard input is not an email with From and To headers")
            throw ExitCode(65)
        }
        let configuration: AppConfiguration
        do {
            configuration = try CommandSupport.loadConfiguration(logToStandardError: true)
        } catch {
            CommandSupport.printError(CommandSupport.message(for: error))
            throw ExitCode(75)
        }
        do {
            try await CommandSupport.withMigratedDatabase(configuration) { database in
                let intake = EmailIntake(database: database, storage: configuration.attachmentStorage,
                                         bankHolidays: try ShippedBankHolidays.load(),
                                         requestLink: configuration.requestLink)
                switch try await intake.receive(email) {
                case .opened(let reference, .acknowledge): CommandSupport.say("Opened \(reference); acknowledgement queued.")
                case .opened(let reference, .stayQuiet(let why)): CommandSupport.say("Opened \(reference); not acknowledged: \(why).")
                case .joined(let reference): CommandSupport.say("Added to \(reference).")
                case .setAside(let why, let reference):
                    CommandSupport.say("Kept, not answered: \(why)" + (reference.map { "; noted on \($0)." } ?? "."))
                case .alreadyReceived: CommandSupport.say("Already received; nothing more done.")
                }
            }
        } catch let error as EmailIntake.NoCouncil {
            CommandSupport.printError(error.description)
            throw ExitCode(67)
        } catch let error as EmailIntake.NoService {
            CommandSupport.printError(error.description)
            throw ExitCode(67)
        } catch {
            CommandSupport.printError(CommandSupport.message(for: error))
            throw ExitCode(75)
        }
    }
}
