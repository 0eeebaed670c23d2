// Package icons bundles PlanDesk's resources into the binary: the app icon
// and the subset of Noto Sans CJK SC the UI is drawn with, so that every
// Chinese character renders on a machine with no Chinese font installed.
// It imports nothing of PlanDesk.
package icons

import (
	_ "embed"

	"fyne.io/fyne/v2"
)

var (
	//go:embed icon.png
	iconPNG []byte
	//go:embed fonts/NotoSansSC-Regular-subset.otf
	fontRegular []byte
	//go:embed fonts/NotoSansSC-Bold-subset.otf
	fontBold []byte
)

// The resources are created once: Fyne caches a font by its resource, so
// handing out the same value each time lets it parse each face only once.
var (
	appIcon     = fyne.NewStaticResource("plandesk-icon.png", iconPNG)
	regularFont = fyne.NewStaticResource("NotoSansSC-Regular-subset.otf", fontRegular)
	boldFont    = fyne.NewStaticResource("NotoSansSC-Bold-subset.otf", fontBold)
)

// AppIcon is PlanDesk's application icon (512×512 PNG).
func AppIcon() fyne.Resource { return appIcon }

// FontRegular is the regular weight of the bundled CJK font.
func FontRegular() fyne.Resource { return regularFont }

// FontBold is the bold weight of the bundled CJK font.
func FontBold() fyne.Resource { return boldFont }
