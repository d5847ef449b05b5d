/// Importing a catalogue file: choose it, and, if it is refused, every problem in it.
public struct CatalogueImportPage: PageModel {
    public static let template = "staff-catalogue-import"

    public var chrome: PageChrome
    public var backLink: BackLink
    public var errorSummary: ErrorSummary?
    public var action: String
    public var csrfToken: String
    public var file: FileUpload
    public var submit: Button

    init(chrome: PageChrome, basePath: String, csrfToken: String, problems: [String] = []) {
        self.chrome = chrome
        self.backLink = BackLink(href: basePath + StaffPaths.services)
        // Every problem in the file, each linking to the file box: the file is what needs changing.
        self.errorSummary = problems.isEmpty ? nil
            : ErrorSummary(titleText: "The catalogue was not imported, and nothing changed", errors: problems.map { FieldError(fieldID: "catalogue", message: $0) })
        self.action = basePath + StaffPaths.catalogue + "/import"
        self.csrfToken = csrfToken
        self.file = FileUpload(id: "catalogue", label: Label("Catalogue file", isPageHeading: true),
                               hint: "A YAML or JSON file exported from FrontDoor. Services are matched by code; a changed form becomes the service's next version. Nothing is deleted.",
                               error: problems.isEmpty ? nil : "The file has \(problems.count == 1 ? "a problem" : "\(problems.count) problems"): see the list above",
                               accept: [".yaml", ".yml", ".json"])
        self.submit = Button("Import")
    }
}
