extension IdentityRecord {
    /// A person of the demo population, with sex and date of birth filled in from the identifier.
    ///
    /// The 12-digit personal identification number encodes the province (3 digits), a digit for
    /// century and sex (0/1 for 1900s male/female, 2/3 for 2000s, 4/5 for 2100s, …) and the last
    /// two digits of the birth year, then a 6-digit serial. Sex and year are therefore the real
    /// ones the number stands for; month and day are not in it, so they are synthesised from the
    /// serial, stable from run to run, so that demo forms have a complete date to pre-fill.
    public static func demo(
        subject: String, fullName: String, address: String?, phone: String?, assuranceLevel: Int = 2
    ) -> IdentityRecord {
        let digits = subject.compactMap { $0.isASCII ? $0.wholeNumberValue : nil }
        guard digits.count == 12, subject.count == 12 else {
            return IdentityRecord(
                subject: subject, fullName: fullName, address: address, phone: phone, assuranceLevel: assuranceLevel)
        }
        let centuryAndSex = digits[3]
        let year = 1900 + 100 * (centuryAndSex / 2) + digits[4] * 10 + digits[5]
        let month = (digits[6] * 10 + digits[7]) % 12 + 1
        let day = (digits[8] * 10 + digits[9]) % 28 + 1
        let birthDate = "\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
        return IdentityRecord(
            subject: subject, fullName: fullName, birthDate: birthDate,
            gender: centuryAndSex % 2 == 0 ? "male" : "female", address: address, phone: phone,
            assuranceLevel: assuranceLevel)
    }
}
