public import Foundation

/// How a finished dossier (or step) stands against its due moment.
public enum Timeliness: String, Codable, Sendable, CaseIterable {
    /// Finished before the local day of the due moment.
    case early
    /// Finished on the local day of the due moment, no later than the moment itself.
    case onTime = "on_time"
    /// Finished after the due moment.
    case late

    /// The label used in reports, e.g. "Trước hạn" / "Early".
    public func text(in language: Language) -> String {
        switch (self, language) {
        case (.early, .vi): "Trước hạn"
        case (.early, .en): "Early"
        case (.onTime, .vi): "Đúng hạn"
        case (.onTime, .en): "On time"
        case (.late, .vi): "Quá hạn"
        case (.late, .en): "Late"
        }
    }
}

extension WorkingCalendar {
    /// Classifies a completion against a due moment (calendar.md): early before the due moment's local day,
    /// on time on that day up to and including the due moment, late after it.
    ///
    /// Dossier-level rules that make a dossier late whatever the moment (a second supplementation request,
    /// an extension) belong to the caller; this only compares instants.
    public func timeliness(finishedAt: Date, due: Date) -> Timeliness {
        if finishedAt > due {
            return .late
        }
        return localDate(of: finishedAt) < localDate(of: due) ? .early : .onTime
    }
}
