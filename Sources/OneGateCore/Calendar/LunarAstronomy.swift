import Foundation

/// The astronomical core of the Vietnamese lunar calendar, after Hồ Ngọc Đức's published algorithm
/// ("Thuật toán tính âm lịch"): mean new moons corrected by the main periodic terms (Meeus), and the
/// apparent longitude of the sun reduced to one of the twelve 30° major solar terms.
///
/// The lunar calendar is defined by where these events fall on the local day, so every function takes the
/// civil offset from UTC in hours. Vietnam computes at UTC+7 while China uses UTC+8, which is why the two
/// calendars differ in some years (Tết 1985: 21 January in Vietnam, 20 February in China).
enum LunarAstronomy {
    /// The reference new moon of the algorithm (1900-01-01 13:52 UTC) as a Julian day.
    static let epochNewMoon = 2_415_021.076_998_695
    /// The mean synodic month in days.
    static let synodicMonth = 29.530_588_853

    /// The local Julian Day Number of the `k`-th new moon after the epoch.
    static func newMoonDay(_ k: Int, utcOffsetHours: Double) -> Int {
        let kd = Double(k)
        let t = kd / 1236.85
        let t2 = t * t
        let t3 = t2 * t
        let dr = Double.pi / 180
        var jd1 = 2_415_020.759_33 + 29.530_588_68 * kd + 0.000_117_8 * t2 - 0.000_000_155 * t3
        jd1 += 0.000_33 * sin((166.56 + 132.87 * t - 0.009_173 * t2) * dr)
        let m = 359.2242 + 29.105_356_08 * kd - 0.000_033_3 * t2 - 0.000_003_47 * t3
        let mpr = 306.0253 + 385.816_918_06 * kd + 0.010_730_6 * t2 + 0.000_012_36 * t3
        let f = 21.2964 + 390.670_506_46 * kd - 0.001_652_8 * t2 - 0.000_002_39 * t3
        var c1 = (0.1734 - 0.000_393 * t) * sin(m * dr) + 0.0021 * sin(2 * dr * m)
        c1 = c1 - 0.4068 * sin(mpr * dr) + 0.0161 * sin(dr * 2 * mpr)
        c1 -= 0.0004 * sin(dr * 3 * mpr)
        c1 = c1 + 0.0104 * sin(dr * 2 * f) - 0.0051 * sin(dr * (m + mpr))
        c1 = c1 - 0.0074 * sin(dr * (m - mpr)) + 0.0004 * sin(dr * (2 * f + m))
        c1 = c1 - 0.0004 * sin(dr * (2 * f - m)) - 0.0006 * sin(dr * (2 * f + mpr))
        c1 = c1 + 0.0010 * sin(dr * (2 * f - mpr)) + 0.0005 * sin(dr * (2 * mpr + m))
        // ΔT (terrestrial minus universal time), with the algorithm's two polynomial regimes.
        let deltaT: Double
        if t < -11 {
            deltaT = 0.001 + 0.000_839 * t + 0.000_226_1 * t2 - 0.000_008_45 * t3 - 0.000_000_081 * t * t3
        } else {
            deltaT = -0.000_278 + 0.000_265 * t + 0.000_262 * t2
        }
        let jdNew = jd1 + c1 - deltaT
        return Int((jdNew + 0.5 + utcOffsetHours / 24).rounded(.down))
    }

    /// The sun's longitude at the start of local day `julianDay`, as the index 0...11 of the 30° sector it
    /// is in (0 = from the spring equinox; 9 = the sector that holds the winter solstice).
    static func sunLongitudeSector(_ julianDay: Int, utcOffsetHours: Double) -> Int {
        let t = (Double(julianDay) - 2_451_545.5 - utcOffsetHours / 24) / 36525
        let t2 = t * t
        let dr = Double.pi / 180
        let m = 357.529_10 + 35_999.050_30 * t - 0.000_155_9 * t2 - 0.000_000_48 * t * t2
        let l0 = 280.466_45 + 36_000.769_83 * t + 0.000_303_2 * t2
        var dl = (1.914_600 - 0.004_817 * t - 0.000_014 * t2) * sin(dr * m)
        dl = dl + (0.019_993 - 0.000_101 * t) * sin(dr * 2 * m) + 0.000_290 * sin(dr * 3 * m)
        var l = (l0 + dl) * dr
        l -= Double.pi * 2 * (l / (Double.pi * 2)).rounded(.down)
        return Int((l / Double.pi * 6).rounded(.down))
    }

    /// The local Julian day on which lunar month 11 (the month holding the winter solstice) begins, for
    /// the solstice of Gregorian year `year`.
    static func month11Start(year: Int, utcOffsetHours: Double) -> Int {
        let offset = Double(LocalDate(year: year, month: 12, day: 31).julianDay) - 2_415_021
        let k = Int((offset / synodicMonth).rounded(.down))
        let newMoon = newMoonDay(k, utcOffsetHours: utcOffsetHours)
        if sunLongitudeSector(newMoon, utcOffsetHours: utcOffsetHours) >= 9 {
            return newMoonDay(k - 1, utcOffsetHours: utcOffsetHours)
        }
        return newMoon
    }

    /// In a 13-month lunar year starting at month 11 (`month11Start`), the offset (in months) of the leap
    /// month: the first month that holds no major solar term.
    static func leapMonthOffset(month11Start: Int, utcOffsetHours: Double) -> Int {
        let k = Int(((Double(month11Start) - epochNewMoon) / synodicMonth + 0.5).rounded(.down))
        func sectorOfMonth(_ index: Int) -> Int {
            sunLongitudeSector(newMoonDay(k + index, utcOffsetHours: utcOffsetHours), utcOffsetHours: utcOffsetHours)
        }
        var index = 1
        var sector = sectorOfMonth(index)
        var last: Int
        repeat {
            last = sector
            index += 1
            sector = sectorOfMonth(index)
        } while sector != last && index < 14
        return index - 1
    }
}
