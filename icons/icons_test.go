package icons

import (
	"bytes"
	"image/png"
	"os"
	"path/filepath"
	"testing"
	"unicode"

	"github.com/go-text/typesetting/font"

	"plandesk/store"
)

// TestFontCoversShippedText proves the bundled subset alone draws every
// character of the shipped report and of the UI strings, so nothing depends
// on a Chinese system font.
func TestFontCoversShippedText(t *testing.T) {
	texts := map[string][]byte{"seed report": store.SeedText()}
	translations, _ := filepath.Glob(filepath.Join("..", "messages", "translations", "*.json"))
	if len(translations) == 0 {
		t.Fatal("no translation files found")
	}
	for _, path := range translations {
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		texts[filepath.Base(path)] = b
	}
	for _, res := range []struct {
		name    string
		content []byte
	}{{"regular", FontRegular().Content()}, {"bold", FontBold().Content()}} {
		face, err := font.ParseTTF(bytes.NewReader(res.content))
		if err != nil {
			t.Fatalf("%s: %v", res.name, err)
		}
		for name, text := range texts {
			missing := map[rune]bool{}
			for _, r := range string(text) {
				if unicode.IsControl(r) || unicode.IsSpace(r) {
					continue
				}
				if _, ok := face.NominalGlyph(r); !ok {
					missing[r] = true
				}
			}
			if len(missing) > 0 {
				var list []rune
				for r := range missing {
					list = append(list, r)
				}
				t.Errorf("%s face lacks %d characters of %s: %q", res.name, len(list), name, string(list))
			}
		}
	}
}

func TestAppIconIsSquarePNG(t *testing.T) {
	img, err := png.Decode(bytes.NewReader(AppIcon().Content()))
	if err != nil {
		t.Fatal(err)
	}
	if b := img.Bounds(); b.Dx() != 512 || b.Dy() != 512 {
		t.Errorf("icon is %dx%d, want 512x512", b.Dx(), b.Dy())
	}
}
