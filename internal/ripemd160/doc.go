// Package ripemd160 computes RIPEMD-160 (Dobbertin, Bosselaers and Preneel,
// 1996), one of the hashes capinfos -H prints, so that rawcap info -H and -T
// print what capinfos prints, column for column. It is written from the
// algorithm's description, for identifying files, not for security.
package ripemd160
