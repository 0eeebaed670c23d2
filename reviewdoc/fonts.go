package reviewdoc

import (
	"bytes"
	"compress/gzip"
	_ "embed" // the PDF's fonts
	"fmt"
	"io"
)

// The TrueType faces the PDF embeds, gzipped: fonts/subset.sh says how
// they were cut. Gzipped they add 2.9 MB to the binary instead of 4.5 MB;
// unpacking both takes a few tens of milliseconds, once per export.
var (
	//go:embed fonts/NotoSansSC-Regular-subset.ttf.gz
	regularGz []byte
	//go:embed fonts/NotoSansSC-Bold-subset.ttf.gz
	boldGz []byte
)

// gunzip unpacks an embedded font.
func gunzip(name string, data []byte) ([]byte, error) {
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("unpack font %s: %w", name, err)
	}
	out, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("unpack font %s: %w", name, err)
	}
	return out, nil
}
