package cjk

import (
	"bytes"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	xunicode "golang.org/x/text/encoding/unicode"
)

// Decode returns text saved by any program officials use as UTF-8: UTF-8
// with or without a byte-order mark, UTF-16 (little or big endian) with
// one, as Windows Notepad's "Unicode" and Excel's "Unicode text" write, or
// GB18030/GBK, as Notepad's "ANSI", Excel's CSV and older WPS write on a
// Chinese system. ok is false for bytes in none of these.
func Decode(b []byte) (text []byte, ok bool) {
	switch {
	case bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}):
		b = b[3:]
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}):
		return decodeWith(xunicode.UTF16(xunicode.LittleEndian, xunicode.ExpectBOM), b, false)
	case bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
		return decodeWith(xunicode.UTF16(xunicode.BigEndian, xunicode.ExpectBOM), b, false)
	}
	if utf8.Valid(b) {
		return b, true
	}
	return decodeWith(simplifiedchinese.GB18030, b, true)
}

// decodeWith decodes b, refusing a text with bytes the encoding cannot read
// (it would put U+FFFD in their place and lose them), and, when guessed
// (needHan), one without a Chinese character: bytes that are neither UTF-8
// nor a Chinese text in GB18030 are not what officials write.
func decodeWith(enc encoding.Encoding, b []byte, needHan bool) ([]byte, bool) {
	decoded, err := enc.NewDecoder().Bytes(b)
	if err != nil || bytes.ContainsRune(decoded, utf8.RuneError) || !utf8.Valid(decoded) || needHan && !hasHan(decoded) {
		return nil, false
	}
	return decoded, true
}

// hasHan reports whether a text holds a Chinese character.
func hasHan(b []byte) bool {
	return bytes.ContainsFunc(b, func(r rune) bool { return unicode.Is(unicode.Han, r) })
}
