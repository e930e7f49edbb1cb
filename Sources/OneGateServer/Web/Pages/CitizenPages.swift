import Hummingbird
import OneGateCore

/// The signed-in applicant's pages: applying (drafts, review, submit, receipt) and their dossiers.
struct CitizenPages {
    let web: Web

    func addRoutes(to router: Router<AppRequestContext>) {
        CitizenApplicationPages(web: web).addRoutes(to: router)
        CitizenDossierPages(web: web).addRoutes(to: router)
    }
}
