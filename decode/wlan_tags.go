package decode

// The subtrees of 802.11 tagged parameters (information elements) that
// tshark draws field by field: HT and VHT capabilities and operation,
// extended capabilities, RSN, supported channels, interworking, the
// transmit power envelope, and the vendor elements of Microsoft (WMM),
// Cisco (Aironet) and the Wi-Fi Alliance (Hotspot 2.0). Field names,
// labels, types and masks are tshark 4.0's (`tshark -G fields`).

// wlanTagItem is one line of a fixed-layout element: the field (an index in
// wlanTagFields, or one of the wtx lines below), where its value starts in
// the element's body, how many bytes it is read from (little-endian) and
// how deep below the element's number and length it is drawn.
type wlanTagItem struct {
	f                uint16
	off, size, depth uint8
}

const (
	wtHtCapabilities = wlanFieldCount + iota
	wtHtCapabilitiesLdpccoding
	wtHtCapabilitiesWidth
	wtHtCapabilitiesSm
	wtHtCapabilitiesGreen
	wtHtCapabilitiesShort20
	wtHtCapabilitiesShort40
	wtHtCapabilitiesTxstbc
	wtHtCapabilitiesRxstbc
	wtHtCapabilitiesDelayedblockack
	wtHtCapabilitiesAmsdu
	wtHtCapabilitiesDsscck
	wtHtCapabilitiesPsmp
	wtHtCapabilities40mhzintolerant
	wtHtCapabilitiesLsig
	wtHtAmpduparam
	wtHtAmpduparamMaxlength
	wtHtAmpduparamMpdudensity
	wtHtAmpduparamReserved
	wtHtMcssetRxbitmask0to7
	wtHtMcssetRxbitmask8to15
	wtHtMcssetRxbitmask16to23
	wtHtMcssetRxbitmask24to31
	wtHtMcssetRxbitmask32
	wtHtMcssetRxbitmask33to38
	wtHtMcssetRxbitmask39to52
	wtHtMcssetRxbitmask53to76
	wtHtMcssetHighestdatarate
	wtHtMcssetTxsetdefined
	wtHtMcssetTxrxmcsnotequal
	wtHtMcssetTxmaxss
	wtHtMcssetTxunequalmod
	wtHtexCapabilities
	wtHtexCapabilitiesPco
	wtHtexCapabilitiesTranstime
	wtHtexCapabilitiesMcs
	wtHtexCapabilitiesHtc
	wtHtexCapabilitiesRdresponder
	wtTxbf
	wtTxbfTxbf
	wtTxbfRxss
	wtTxbfTxss
	wtTxbfRxndp
	wtTxbfTxndp
	wtTxbfImpltxbf
	wtTxbfCalibration
	wtTxbfCsi
	wtTxbfFmUncompressedTbf
	wtTxbfFmCompressedTbf
	wtTxbfRcsi
	wtTxbfFmUncompressedRbf
	wtTxbfFmCompressedBf
	wtTxbfMingroup
	wtTxbfCsinumant
	wtTxbfFmUncompressedMaxant
	wtTxbfFmCompressedMaxant
	wtTxbfCsiMaxrows
	wtTxbfChannelest
	wtTxbfReserved
	wtAsel
	wtAselCapable
	wtAselTxcsi
	wtAselTxif
	wtAselCsi
	wtAselIf
	wtAselRx
	wtAselSppdu
	wtAselReserved
	wtRsnVersion
	wtRsnGcsType
	wtRsnPcsCount
	wtRsnPcsType
	wtRsnAkmsCount
	wtRsnAkmsType
	wtRsnCapabilities
	wtRsnCapabilitiesPreauth
	wtRsnCapabilitiesNoPairwise
	wtRsnCapabilitiesPtksaReplayCounter
	wtRsnCapabilitiesGtksaReplayCounter
	wtRsnCapabilitiesMfpr
	wtRsnCapabilitiesMfpc
	wtRsnCapabilitiesJmr
	wtRsnCapabilitiesPeerkey
	wtRsnCapabilitiesExtendedKeyIdIaf
	wtHtInfoPrimarychannel
	wtHtInfoDelim1
	wtHtInfoSecchanoffset
	wtHtInfoChanwidth
	wtHtInfoRifs
	wtHtInfoReservedB4B7
	wtHtInfoDelim2
	wtHtInfoHtProtection
	wtHtInfoGreenfield
	wtHtInfoReservedB11
	wtHtInfoObssnonht
	wtHtInfoChanCenterFreqSeg2
	wtHtInfoReservedB21B23
	wtHtInfoDelim3
	wtHtInfoReservedB24B29
	wtHtInfoDualbeacon
	wtHtInfoDualcts
	wtHtInfoSecondarybeacon
	wtHtInfoLsigprotsupport
	wtHtInfoPcoActive
	wtHtInfoPcoPhase
	wtHtInfoReservedB36B39
	wtExtcap
	wtExtcapB0
	wtExtcapB1
	wtExtcapB2
	wtExtcapB3
	wtExtcapB4
	wtExtcapB5
	wtExtcapB6
	wtExtcapB7
	wtExtcapB8
	wtExtcapB9
	wtExtcapB10
	wtExtcapB11
	wtExtcapB12
	wtExtcapB13
	wtExtcapB14
	wtExtcapB15
	wtExtcapB16
	wtExtcapB17
	wtExtcapB18
	wtExtcapB19
	wtExtcapB20
	wtExtcapB21
	wtExtcapB22
	wtExtcapB23
	wtExtcapB24
	wtExtcapB25
	wtExtcapB26
	wtExtcapB27
	wtExtcapB28
	wtExtcapB29
	wtExtcapB30
	wtExtcapB31
	wtExtcapB32
	wtExtcapB33
	wtExtcapB34
	wtExtcapB35
	wtExtcapB36
	wtExtcapB37
	wtExtcapB38
	wtExtcapB39
	wtExtcapB40
	wtExtcapServIntGranularity
	wtExtcapB44
	wtExtcapB45
	wtExtcapB46
	wtExtcapB47
	wtExtcapB48
	wtExtcapB49
	wtExtcapB50
	wtExtcapB51
	wtExtcapB52
	wtExtcapB53
	wtExtcapB54
	wtExtcapB55
	wtExtcapB56
	wtExtcapB57
	wtExtcapB58
	wtExtcapB59
	wtExtcapB60
	wtExtcapB61
	wtExtcapB62
	wtExtcapB63
	wtCiscoCcx1Unknown
	wtCiscoCcx1Name
	wtCiscoCcx1Clients
	wtCiscoCcx1Unknown2
	wtVhtCapabilities
	wtVhtCapabilitiesMaxmpdulength
	wtVhtCapabilitiesSupportedchanwidthset
	wtVhtCapabilitiesRxldpc
	wtVhtCapabilitiesShort80
	wtVhtCapabilitiesShort160
	wtVhtCapabilitiesTxstbc
	wtVhtCapabilitiesRxstbc
	wtVhtCapabilitiesSubeamformer
	wtVhtCapabilitiesSubeamformee
	wtVhtCapabilitiesBeamformeeStsCap
	wtVhtCapabilitiesSoundingdimensions
	wtVhtCapabilitiesMubeamformer
	wtVhtCapabilitiesMubeamformee
	wtVhtCapabilitiesVhttxopps
	wtVhtCapabilitiesVhthtc
	wtVhtCapabilitiesMaxampdu
	wtVhtCapabilitiesLinkadapt
	wtVhtCapabilitiesRxpatconsist
	wtVhtCapabilitiesTxpatconsist
	wtVhtCapabilitiesExtNssBwSupport
	wtVhtMcssetRxmcsmap
	wtVhtMcssetRxmcsmapSs1
	wtVhtMcssetRxmcsmapSs2
	wtVhtMcssetRxmcsmapSs3
	wtVhtMcssetRxmcsmapSs4
	wtVhtMcssetRxmcsmapSs5
	wtVhtMcssetRxmcsmapSs6
	wtVhtMcssetRxmcsmapSs7
	wtVhtMcssetRxmcsmapSs8
	wtVhtMcssetRxhighestlonggirate
	wtVhtMcssetMaxNstsTotal
	wtVhtMcssetTxmcsmap
	wtVhtMcssetTxmcsmapSs1
	wtVhtMcssetTxmcsmapSs2
	wtVhtMcssetTxmcsmapSs3
	wtVhtMcssetTxmcsmapSs4
	wtVhtMcssetTxmcsmapSs5
	wtVhtMcssetTxmcsmapSs6
	wtVhtMcssetTxmcsmapSs7
	wtVhtMcssetTxmcsmapSs8
	wtVhtMcssetTxhighestlonggirate
	wtVhtNcssetExtNssBwCap
	wtVhtNcssetReserved
	wtVhtOpChannelwidth
	wtVhtOpChannelcenter0
	wtVhtOpChannelcenter1
	wtVhtOpBasicmcsmap
	wtVhtOpBasicmcsmapSs1
	wtVhtOpBasicmcsmapSs2
	wtVhtOpBasicmcsmapSs3
	wtVhtOpBasicmcsmapSs4
	wtVhtOpBasicmcsmapSs5
	wtVhtOpBasicmcsmapSs6
	wtVhtOpBasicmcsmapSs7
	wtVhtOpBasicmcsmapSs8
	wtVhtTpePwrInfo
	wtVhtTpePwrInfoCount
	wtVhtTpePwrInfoUnit
	wtVhtTpePwrInfoReserved
	wtTagVendorOuiType
	wtWfaIeType
	wtWfaIeWmeSubtype
	wtWfaIeWmeVersion
	wtWfaIeWmeQosInfo
	wtWfaIeWmeQosInfoApUApsd
	wtWfaIeWmeQosInfoApParameterSetCount
	wtWfaIeWmeQosInfoApReserved
	wtWfaIeWmeReserved
	wtWfaIeWmeAcpAciAifsn
	wtWfaIeWmeAcpAifsn
	wtWfaIeWmeAcpAcm
	wtWfaIeWmeAcpAci
	wtWfaIeWmeAcpReserved
	wtWfaIeWmeAcpEcw
	wtWfaIeWmeAcpEcwMax
	wtWfaIeWmeAcpEcwMin
	wtWfaIeWmeAcpCwMax
	wtWfaIeWmeAcpCwMin
	wtWfaIeWmeAcpTxopLimit
	wtAironetType
	wtAironetData
	wtAironetVersion
	wtAironetClientmfp
	wtInterworkingAccessNetworkType
	wtInterworkingInternet
	wtInterworkingAsra
	wtInterworkingEsr
	wtInterworkingUesa
	wtHs20IndicationDgafDisabled
	wtHs20IndicationPpsMoIdPresent
	wtHs20IndicationAnqpDomainIdPresent
	wtHs20IndicationReserved
	wtHs20IndicationVersionNumber
	wtSupchanFirst
	wtSupchanRange
	wtWfaIeWmeQosInfoStaMaxSpLength
	wtWfaIeWmeQosInfoStaAcBe
	wtWfaIeWmeQosInfoStaAcBk
	wtWfaIeWmeQosInfoStaAcVi
	wtWfaIeWmeQosInfoStaAcVo
	wtWfaIeWmeQosInfoStaReserved
	wtRsnIeKdeDataType
	wtRsnIePmkid
	wtTagOui
	wtRsnGcs
	wtRsnGcsOui
	wtRsnPcsList
	wtRsnPcs
	wtRsnPcsOui
	wtRsnAkmsList
	wtRsnAkms
	wtRsnAkmsOui
	wtSupchan
	wtWfaIeWmeAcp
	wtHtMcsset
	wtHtMcssetRxbitmask
	wtVhtMcsset
	wtVhtOp
	wtVhtTpePwrConstr20
	wtVhtTpePwrConstr40
	wtVhtTpePwrConstr80
	wlanAllFieldCount
)

// Lines of the fixed layouts whose text is not drawn from their field's
// definition (wlanExtraField gives the field).
const (
	wtxHtMcssetCap = wlanAllFieldCount + iota
	wtxHtMcssetBasic
	wtxHtRxbitmask
	wtxVhtMcsset
	wtxVhtOp
	wtxTpeConstr20
	wtxTpeConstr40
	wtxTpeConstr80
)

var wlanLayoutHTCap = [...]wlanTagItem{
	{wtHtCapabilities, 0, 2, 0},
	{wtHtCapabilitiesLdpccoding, 0, 2, 1},
	{wtHtCapabilitiesWidth, 0, 2, 1},
	{wtHtCapabilitiesSm, 0, 2, 1},
	{wtHtCapabilitiesGreen, 0, 2, 1},
	{wtHtCapabilitiesShort20, 0, 2, 1},
	{wtHtCapabilitiesShort40, 0, 2, 1},
	{wtHtCapabilitiesTxstbc, 0, 2, 1},
	{wtHtCapabilitiesRxstbc, 0, 2, 1},
	{wtHtCapabilitiesDelayedblockack, 0, 2, 1},
	{wtHtCapabilitiesAmsdu, 0, 2, 1},
	{wtHtCapabilitiesDsscck, 0, 2, 1},
	{wtHtCapabilitiesPsmp, 0, 2, 1},
	{wtHtCapabilities40mhzintolerant, 0, 2, 1},
	{wtHtCapabilitiesLsig, 0, 2, 1},
	{wtHtAmpduparam, 2, 1, 0},
	{wtHtAmpduparamMaxlength, 2, 1, 1},
	{wtHtAmpduparamMpdudensity, 2, 1, 1},
	{wtHtAmpduparamReserved, 2, 1, 1},
	{wtxHtMcssetCap, 3, 16, 0},
	{wtxHtRxbitmask, 3, 10, 1},
	{wtHtMcssetRxbitmask0to7, 3, 4, 2},
	{wtHtMcssetRxbitmask8to15, 3, 4, 2},
	{wtHtMcssetRxbitmask16to23, 3, 4, 2},
	{wtHtMcssetRxbitmask24to31, 3, 4, 2},
	{wtHtMcssetRxbitmask32, 7, 4, 2},
	{wtHtMcssetRxbitmask33to38, 7, 4, 2},
	{wtHtMcssetRxbitmask39to52, 7, 4, 2},
	{wtHtMcssetRxbitmask53to76, 9, 4, 2},
	{wtHtMcssetHighestdatarate, 13, 2, 1},
	{wtHtMcssetTxsetdefined, 15, 1, 1},
	{wtHtMcssetTxrxmcsnotequal, 15, 1, 1},
	{wtHtMcssetTxmaxss, 15, 1, 1},
	{wtHtMcssetTxunequalmod, 15, 1, 1},
	{wtHtexCapabilities, 19, 2, 0},
	{wtHtexCapabilitiesPco, 19, 2, 1},
	{wtHtexCapabilitiesTranstime, 19, 2, 1},
	{wtHtexCapabilitiesMcs, 19, 2, 1},
	{wtHtexCapabilitiesHtc, 19, 2, 1},
	{wtHtexCapabilitiesRdresponder, 19, 2, 1},
	{wtTxbf, 21, 4, 0},
	{wtTxbfTxbf, 21, 4, 1},
	{wtTxbfRxss, 21, 4, 1},
	{wtTxbfTxss, 21, 4, 1},
	{wtTxbfRxndp, 21, 4, 1},
	{wtTxbfTxndp, 21, 4, 1},
	{wtTxbfImpltxbf, 21, 4, 1},
	{wtTxbfCalibration, 21, 4, 1},
	{wtTxbfCsi, 21, 4, 1},
	{wtTxbfFmUncompressedTbf, 21, 4, 1},
	{wtTxbfFmCompressedTbf, 21, 4, 1},
	{wtTxbfRcsi, 21, 4, 1},
	{wtTxbfFmUncompressedRbf, 21, 4, 1},
	{wtTxbfFmCompressedBf, 21, 4, 1},
	{wtTxbfMingroup, 21, 4, 1},
	{wtTxbfCsinumant, 21, 4, 1},
	{wtTxbfFmUncompressedMaxant, 21, 4, 1},
	{wtTxbfFmCompressedMaxant, 21, 4, 1},
	{wtTxbfCsiMaxrows, 21, 4, 1},
	{wtTxbfChannelest, 21, 4, 1},
	{wtTxbfReserved, 21, 4, 1},
	{wtAsel, 25, 1, 0},
	{wtAselCapable, 25, 1, 1},
	{wtAselTxcsi, 25, 1, 1},
	{wtAselTxif, 25, 1, 1},
	{wtAselCsi, 25, 1, 1},
	{wtAselIf, 25, 1, 1},
	{wtAselRx, 25, 1, 1},
	{wtAselSppdu, 25, 1, 1},
	{wtAselReserved, 25, 1, 1},
}

var wlanLayoutHTInfo = [...]wlanTagItem{
	{wtHtInfoPrimarychannel, 0, 1, 0},
	{wtHtInfoDelim1, 1, 1, 0},
	{wtHtInfoSecchanoffset, 1, 1, 1},
	{wtHtInfoChanwidth, 1, 1, 1},
	{wtHtInfoRifs, 1, 1, 1},
	{wtHtInfoReservedB4B7, 1, 1, 1},
	{wtHtInfoDelim2, 2, 2, 0},
	{wtHtInfoHtProtection, 2, 2, 1},
	{wtHtInfoGreenfield, 2, 2, 1},
	{wtHtInfoReservedB11, 2, 2, 1},
	{wtHtInfoObssnonht, 2, 2, 1},
	{wtHtInfoChanCenterFreqSeg2, 2, 2, 1},
	{wtHtInfoReservedB21B23, 2, 2, 1},
	{wtHtInfoDelim3, 4, 2, 0},
	{wtHtInfoReservedB24B29, 4, 2, 1},
	{wtHtInfoDualbeacon, 4, 2, 1},
	{wtHtInfoDualcts, 4, 2, 1},
	{wtHtInfoSecondarybeacon, 4, 2, 1},
	{wtHtInfoLsigprotsupport, 4, 2, 1},
	{wtHtInfoPcoActive, 4, 2, 1},
	{wtHtInfoPcoPhase, 4, 2, 1},
	{wtHtInfoReservedB36B39, 4, 2, 1},
	{wtxHtMcssetBasic, 6, 16, 0},
	{wtxHtRxbitmask, 6, 10, 1},
	{wtHtMcssetRxbitmask0to7, 6, 4, 2},
	{wtHtMcssetRxbitmask8to15, 6, 4, 2},
	{wtHtMcssetRxbitmask16to23, 6, 4, 2},
	{wtHtMcssetRxbitmask24to31, 6, 4, 2},
	{wtHtMcssetRxbitmask32, 10, 4, 2},
	{wtHtMcssetRxbitmask33to38, 10, 4, 2},
	{wtHtMcssetRxbitmask39to52, 10, 4, 2},
	{wtHtMcssetRxbitmask53to76, 12, 4, 2},
	{wtHtMcssetHighestdatarate, 16, 2, 1},
	{wtHtMcssetTxsetdefined, 18, 1, 1},
	{wtHtMcssetTxrxmcsnotequal, 18, 1, 1},
	{wtHtMcssetTxmaxss, 18, 1, 1},
	{wtHtMcssetTxunequalmod, 18, 1, 1},
}

var wlanLayoutExtCap = [...]wlanTagItem{
	{wtExtcap, 0, 1, 0},
	{wtExtcapB0, 0, 1, 1},
	{wtExtcapB1, 0, 1, 1},
	{wtExtcapB2, 0, 1, 1},
	{wtExtcapB3, 0, 1, 1},
	{wtExtcapB4, 0, 1, 1},
	{wtExtcapB5, 0, 1, 1},
	{wtExtcapB6, 0, 1, 1},
	{wtExtcapB7, 0, 1, 1},
	{wtExtcap, 1, 1, 0},
	{wtExtcapB8, 1, 1, 1},
	{wtExtcapB9, 1, 1, 1},
	{wtExtcapB10, 1, 1, 1},
	{wtExtcapB11, 1, 1, 1},
	{wtExtcapB12, 1, 1, 1},
	{wtExtcapB13, 1, 1, 1},
	{wtExtcapB14, 1, 1, 1},
	{wtExtcapB15, 1, 1, 1},
	{wtExtcap, 2, 1, 0},
	{wtExtcapB16, 2, 1, 1},
	{wtExtcapB17, 2, 1, 1},
	{wtExtcapB18, 2, 1, 1},
	{wtExtcapB19, 2, 1, 1},
	{wtExtcapB20, 2, 1, 1},
	{wtExtcapB21, 2, 1, 1},
	{wtExtcapB22, 2, 1, 1},
	{wtExtcapB23, 2, 1, 1},
	{wtExtcap, 3, 1, 0},
	{wtExtcapB24, 3, 1, 1},
	{wtExtcapB25, 3, 1, 1},
	{wtExtcapB26, 3, 1, 1},
	{wtExtcapB27, 3, 1, 1},
	{wtExtcapB28, 3, 1, 1},
	{wtExtcapB29, 3, 1, 1},
	{wtExtcapB30, 3, 1, 1},
	{wtExtcapB31, 3, 1, 1},
	{wtExtcap, 4, 1, 0},
	{wtExtcapB32, 4, 1, 1},
	{wtExtcapB33, 4, 1, 1},
	{wtExtcapB34, 4, 1, 1},
	{wtExtcapB35, 4, 1, 1},
	{wtExtcapB36, 4, 1, 1},
	{wtExtcapB37, 4, 1, 1},
	{wtExtcapB38, 4, 1, 1},
	{wtExtcapB39, 4, 1, 1},
	{wtExtcap, 5, 1, 0},
	{wtExtcapB40, 5, 1, 1},
	{wtExtcapServIntGranularity, 5, 1, 1},
	{wtExtcapB44, 5, 1, 1},
	{wtExtcapB45, 5, 1, 1},
	{wtExtcapB46, 5, 1, 1},
	{wtExtcapB47, 5, 1, 1},
	{wtExtcap, 6, 1, 0},
	{wtExtcapB48, 6, 1, 1},
	{wtExtcapB49, 6, 1, 1},
	{wtExtcapB50, 6, 1, 1},
	{wtExtcapB51, 6, 1, 1},
	{wtExtcapB52, 6, 1, 1},
	{wtExtcapB53, 6, 1, 1},
	{wtExtcapB54, 6, 1, 1},
	{wtExtcapB55, 6, 1, 1},
	{wtExtcap, 7, 1, 0},
	{wtExtcapB56, 7, 1, 1},
	{wtExtcapB57, 7, 1, 1},
	{wtExtcapB58, 7, 1, 1},
	{wtExtcapB59, 7, 1, 1},
	{wtExtcapB60, 7, 1, 1},
	{wtExtcapB61, 7, 1, 1},
	{wtExtcapB62, 7, 1, 1},
	{wtExtcapB63, 7, 1, 1},
}

var wlanLayoutVHTCap = [...]wlanTagItem{
	{wtVhtCapabilities, 0, 4, 0},
	{wtVhtCapabilitiesMaxmpdulength, 0, 4, 1},
	{wtVhtCapabilitiesSupportedchanwidthset, 0, 4, 1},
	{wtVhtCapabilitiesRxldpc, 0, 4, 1},
	{wtVhtCapabilitiesShort80, 0, 4, 1},
	{wtVhtCapabilitiesShort160, 0, 4, 1},
	{wtVhtCapabilitiesTxstbc, 0, 4, 1},
	{wtVhtCapabilitiesRxstbc, 0, 4, 1},
	{wtVhtCapabilitiesSubeamformer, 0, 4, 1},
	{wtVhtCapabilitiesSubeamformee, 0, 4, 1},
	{wtVhtCapabilitiesBeamformeeStsCap, 0, 4, 1},
	{wtVhtCapabilitiesSoundingdimensions, 0, 4, 1},
	{wtVhtCapabilitiesMubeamformer, 0, 4, 1},
	{wtVhtCapabilitiesMubeamformee, 0, 4, 1},
	{wtVhtCapabilitiesVhttxopps, 0, 4, 1},
	{wtVhtCapabilitiesVhthtc, 0, 4, 1},
	{wtVhtCapabilitiesMaxampdu, 0, 4, 1},
	{wtVhtCapabilitiesLinkadapt, 0, 4, 1},
	{wtVhtCapabilitiesRxpatconsist, 0, 4, 1},
	{wtVhtCapabilitiesTxpatconsist, 0, 4, 1},
	{wtVhtCapabilitiesExtNssBwSupport, 0, 4, 1},
	{wtxVhtMcsset, 4, 8, 0},
	{wtVhtMcssetRxmcsmap, 4, 2, 1},
	{wtVhtMcssetRxmcsmapSs1, 4, 2, 2},
	{wtVhtMcssetRxmcsmapSs2, 4, 2, 2},
	{wtVhtMcssetRxmcsmapSs3, 4, 2, 2},
	{wtVhtMcssetRxmcsmapSs4, 4, 2, 2},
	{wtVhtMcssetRxmcsmapSs5, 4, 2, 2},
	{wtVhtMcssetRxmcsmapSs6, 4, 2, 2},
	{wtVhtMcssetRxmcsmapSs7, 4, 2, 2},
	{wtVhtMcssetRxmcsmapSs8, 4, 2, 2},
	{wtVhtMcssetRxhighestlonggirate, 6, 2, 1},
	{wtVhtMcssetMaxNstsTotal, 6, 2, 1},
	{wtVhtMcssetTxmcsmap, 8, 2, 1},
	{wtVhtMcssetTxmcsmapSs1, 8, 2, 2},
	{wtVhtMcssetTxmcsmapSs2, 8, 2, 2},
	{wtVhtMcssetTxmcsmapSs3, 8, 2, 2},
	{wtVhtMcssetTxmcsmapSs4, 8, 2, 2},
	{wtVhtMcssetTxmcsmapSs5, 8, 2, 2},
	{wtVhtMcssetTxmcsmapSs6, 8, 2, 2},
	{wtVhtMcssetTxmcsmapSs7, 8, 2, 2},
	{wtVhtMcssetTxmcsmapSs8, 8, 2, 2},
	{wtVhtMcssetTxhighestlonggirate, 10, 2, 1},
	{wtVhtNcssetExtNssBwCap, 10, 2, 1},
	{wtVhtNcssetReserved, 10, 2, 1},
}

var wlanLayoutVHTOp = [...]wlanTagItem{
	{wtxVhtOp, 0, 3, 0},
	{wtVhtOpChannelwidth, 0, 1, 1},
	{wtVhtOpChannelcenter0, 1, 1, 1},
	{wtVhtOpChannelcenter1, 2, 1, 1},
	{wtVhtOpBasicmcsmap, 3, 2, 0},
	{wtVhtOpBasicmcsmapSs1, 3, 2, 1},
	{wtVhtOpBasicmcsmapSs2, 3, 2, 1},
	{wtVhtOpBasicmcsmapSs3, 3, 2, 1},
	{wtVhtOpBasicmcsmapSs4, 3, 2, 1},
	{wtVhtOpBasicmcsmapSs5, 3, 2, 1},
	{wtVhtOpBasicmcsmapSs6, 3, 2, 1},
	{wtVhtOpBasicmcsmapSs7, 3, 2, 1},
	{wtVhtOpBasicmcsmapSs8, 3, 2, 1},
}

var wlanLayoutTPE = [...]wlanTagItem{
	{wtVhtTpePwrInfo, 0, 1, 0},
	{wtVhtTpePwrInfoCount, 0, 1, 1},
	{wtVhtTpePwrInfoUnit, 0, 1, 1},
	{wtVhtTpePwrInfoReserved, 0, 1, 1},
	{wtxTpeConstr20, 1, 1, 0},
	{wtxTpeConstr40, 2, 1, 0},
	{wtxTpeConstr80, 3, 1, 0},
}

var wlanLayoutInterworking = [...]wlanTagItem{
	{wtInterworkingAccessNetworkType, 0, 1, 0},
	{wtInterworkingInternet, 0, 1, 0},
	{wtInterworkingAsra, 0, 1, 0},
	{wtInterworkingEsr, 0, 1, 0},
	{wtInterworkingUesa, 0, 1, 0},
}
