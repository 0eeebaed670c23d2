// Package packed unpacks the large files the binary embeds compressed with
// Brotli (PDFium's WebAssembly module, the review report's TrueType fonts):
// Brotli packs them a quarter smaller than gzip, which keeps the release
// binary under its 45 MB, and unpacks them about as fast (xz packs as
// small but unpacks three times slower, too slow for PDFium at every
// start). Each is unpacked only when it is first needed.
//
// The files are packed with Debian's brotli (`brotli -q 11 -w 24`, by the
// scripts beside them) and read with github.com/andybalholm/brotli, a
// pure-Go port of the reference decoder.
package packed

import (
	"bytes"
	"fmt"
	"io"

	"github.com/andybalholm/brotli"
)

// Unpack returns the file an embedded Brotli stream holds; name says
// which, for the error.
func Unpack(name string, data []byte) ([]byte, error) {
	out, err := io.ReadAll(brotli.NewReader(bytes.NewReader(data)))
	if err != nil {
		return nil, fmt.Errorf("unpack %s: %w", name, err)
	}
	return out, nil
}
