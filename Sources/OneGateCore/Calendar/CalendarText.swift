/// How dates and times are written in explanations: Vietnamese style "Thứ Sáu, 13/02/2026" and
/// "10:00 Thứ Sáu, 13/02/2026"; English style "Fri 2026-02-13" and "Fri 2026-02-13 10:00".
enum CalendarText {
    static func date(_ date: LocalDate, _ language: Language) -> String {
        switch language {
        case .vi:
            let day = (date.day < 10 ? "0" : "") + "\(date.day)"
            let month = (date.month < 10 ? "0" : "") + "\(date.month)"
            return "\(date.weekday.name(in: .vi)), \(day)/\(month)/\(date.year)"
        case .en:
            return "\(date.weekday.shortName(in: .en)) \(date)"
        }
    }

    static func moment(_ moment: LocalMoment, _ language: Language) -> String {
        switch language {
        case .vi: "\(LocalMoment.clock(moment.minute)) \(date(moment.date, .vi))"
        case .en: "\(date(moment.date, .en)) \(LocalMoment.clock(moment.minute))"
        }
    }

    /// Lists dates in full when there are few, else names the first and last, so that a long limit does not
    /// produce a page of dates.
    static func dates(_ dates: [LocalDate], _ language: Language) -> String {
        guard dates.count > 31, let first = dates.first, let last = dates.last else {
            return dates.map { date($0, language) }.joined(separator: "; ")
        }
        switch language {
        case .vi: return "từ \(date(first, .vi)) đến \(date(last, .vi))"
        case .en: return "from \(date(first, .en)) to \(date(last, .en))"
        }
    }

    static func officeHours(_ periods: [OfficePeriod]) -> String {
        periods.map { LocalMoment.clock($0.startMinute) + "–" + LocalMoment.clock($0.endMinute) }
            .joined(separator: ", ")
    }
}
