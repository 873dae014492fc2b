package org.openmaf.wire;

/**
 * Every name on the wire that TS-0032 (not available to us) would fix: paths, JSON root names, attribute names and
 * media types. They are the contract's choices (MAF-CONTRACT.md section 3) and live here only, so that aligning with
 * TS-0032 later means changing this one class.
 */
public final class MafNames {

    private MafNames() {
    }

    // Paths
    public static final String BASE_PATH = "/maf";
    public static final String CLIENT_REGS = "/maf/mafClientRegs";
    public static final String KEY_REGS = "/maf/symmKeyRegs";
    public static final String CLIENT_CFG = "mafClientCfg";

    // Root members of JSON bodies
    public static final String CLIENT_REG_ROOT = "m2m:mafClientReg";
    public static final String KEY_REG_ROOT = "m2m:symmKeyReg";
    public static final String CLIENT_CFG_ROOT = "m2m:mafClientCfg";
    public static final String DEBUG_ROOT = "m2m:dbg";

    // Attributes of m2m:mafClientReg
    public static final String MAF_CLIENT_REG_ID = "mafClientRegID";
    public static final String MAF_CLIENT_ID = "mafClientID";
    public static final String MAF_FQDN = "mafFQDN";
    public static final String ADMIN_FQDN = "adminFQDN";
    public static final String EXPIRATION_TIME = "expirationTime";
    public static final String LABELS = "labels";
    public static final String CREATION_TIME = "creationTime";
    public static final String LAST_MODIFIED_TIME = "lastModifiedTime";

    // Attributes of m2m:symmKeyReg
    public static final String RELATIVE_KEY_ID = "relativeKeyID";
    public static final String KEY_IDENTIFIER = "keyIdentifier";
    public static final String SOURCE_ID = "sourceID";
    public static final String SUID = "suid";
    public static final String TARGET_IDS = "targetIDs";
    public static final String KEY_VALUE = "keyValue";

    // Attributes of m2m:mafClientCfg (TS-0003 12.4.2 sec:clientRegCfg, 12.4.3 sec:keyRegCfg)
    public static final String FQDN = "fqdn";
    public static final String HTTP_PORT = "httpPort";
    public static final String KEY_REG_CFG = "mafKeyRegCfg";

    // HTTP binding (TS-0009 6.4)
    public static final String HEADER_ORIGIN = "X-M2M-Origin";
    public static final String HEADER_RI = "X-M2M-RI";
    public static final String HEADER_RSC = "X-M2M-RSC";
    public static final String HEADER_RVI = "X-M2M-RVI";

    // Media types (TS-0004 6.7); a ty= parameter is accepted and ignored
    public static final String ONEM2M_JSON = "application/vnd.onem2m-res+json";
}
