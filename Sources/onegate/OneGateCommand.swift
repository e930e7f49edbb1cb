import ArgumentParser

/// `onegate`: one binary for every role of an instance.
@main
struct OneGateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "onegate",
        abstract: "OneGate: electronic one-stop system for online public services.",
        subcommands: [
            InitCommand.self, ServeCommand.self, DemoCommand.self, MigrateCommand.self, CalendarCommand.self,
            AuditCommand.self, CatalogueCommand.self, KeysCommand.self, MigrateStoreCommand.self, BenchCommand.self,
            BenchIndicatorsCommand.self, KPICommand.self, DocumentsCommand.self, IdentityProviderCommand.self,
            RegistryCommand.self, SharingClientCommand.self,
        ])
}
