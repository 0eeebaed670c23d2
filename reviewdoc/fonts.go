package reviewdoc

import (
	_ "embed" // the PDF's fonts
)

// The TrueType faces the PDF embeds, packed with Brotli: fonts/subset.sh
// says how they were cut. Packed they add 2.5 MB to the binary instead of
// 4.5 MB; unpacking both takes a fraction of a second, once per export.
var (
	//go:embed fonts/NotoSansSC-Regular-subset.ttf.br
	regularBr []byte
	//go:embed fonts/NotoSansSC-Bold-subset.ttf.br
	boldBr []byte
)
