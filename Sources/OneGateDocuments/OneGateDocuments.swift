/// Documents OneGate prints: PDF files with embedded, subset TrueType fonts, QR codes
/// (ISO/IEC 18004) and the layouts of results and forms 01–07. Pure Swift over Foundation; the
/// signatures are added by OneGateSigning.
public enum OneGateDocuments {}
