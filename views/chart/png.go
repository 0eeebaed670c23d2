package chart

import (
	"bytes"
	"errors"
	"image"
	"image/color"
	"image/draw"
	"image/png"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/software"
	"fyne.io/fyne/v2/theme"
)

// ToPNG renders obj, typically a chart, to a PNG image of size pixels with
// Fyne's software painter, which needs no window or GPU (a window capture
// is black under Xvfb), on the theme's background colour. The painter looks
// colours and fonts up in the current app's theme, so an app must exist
// (in tests test.NewTempApp); without one ToPNG returns an error. obj is
// moved into a canvas of its own: pass a chart made for the export, not
// one shown in a window, which it would be taken out of.
func ToPNG(obj fyne.CanvasObject, size fyne.Size) ([]byte, error) {
	if obj == nil {
		return nil, errors.New("chart: nothing to render")
	}
	if size.Width < 1 || size.Height < 1 {
		return nil, errors.New("chart: image size must be at least 1×1")
	}
	if fyne.CurrentApp() == nil {
		return nil, errors.New("chart: rendering needs a Fyne app for its theme")
	}
	// A transparent canvas skips the software canvas's own background
	// fill, which goes through image/draw's slow generic path (a fifth of
	// the time at 1920×1080); OnBackground does the same work directly.
	c := software.NewTransparentCanvas()
	c.SetPadded(false) // the charts keep their own margins
	c.SetContent(obj)
	c.Resize(size) // after SetContent, which grows the canvas to MinSize
	img := OnBackground(c.Capture(), theme.Color(theme.ColorNameBackground))
	var buf bytes.Buffer
	// Charts are flat colours that compress well even at the fastest
	// level, which halves the encoding time of a full-HD image.
	enc := png.Encoder{CompressionLevel: png.BestSpeed}
	if err := enc.Encode(&buf, img); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// OnBackground composites img over an opaque bg, in place when img is the
// NRGBA image the software canvas returns.
func OnBackground(img image.Image, bg color.Color) image.Image {
	n, ok := img.(*image.NRGBA)
	if !ok {
		out := image.NewNRGBA(img.Bounds())
		draw.Draw(out, out.Bounds(), image.NewUniform(bg), image.Point{}, draw.Src)
		draw.Draw(out, out.Bounds(), img, img.Bounds().Min, draw.Over)
		return out
	}
	b := color.NRGBAModel.Convert(bg).(color.NRGBA)
	back := [3]uint32{uint32(b.R), uint32(b.G), uint32(b.B)}
	for y := 0; y < n.Rect.Dy(); y++ {
		row := n.Pix[y*n.Stride : y*n.Stride+n.Rect.Dx()*4]
		for i := 0; i < len(row); i += 4 {
			a := uint32(row[i+3])
			switch a {
			case 0xff:
				continue
			case 0: // most of a chart: plain background
				row[i], row[i+1], row[i+2], row[i+3] = b.R, b.G, b.B, 0xff
				continue
			}
			// Non-premultiplied source over an opaque background.
			for k := range 3 {
				row[i+k] = uint8((uint32(row[i+k])*a + back[k]*(0xff-a) + 0x7f) / 0xff)
			}
			row[i+3] = 0xff
		}
	}
	return n
}
