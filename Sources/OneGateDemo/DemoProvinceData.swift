enum DemoProvinceData {
    static let json = #"{"instanceName":"x","tenant":"000.00.00.H40","units":[],"officers":[],"citizens":[],"procedures":[]}"#
}
