package views

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
)

// TestSectionSlidesListTheirProjects: a section slide names each of its
// projects with its progress, on a projector's 1024×768 and at 1920×1080,
// zoomed too, and a section without projects lists none.
func TestSectionSlidesListTheirProjects(t *testing.T) {
	deck, _ := seededDeck(t)
	var m textMeasure
	withProjects := 0
	for _, size := range []fyne.Size{{Width: 1920, Height: 1080}, {Width: 1024, Height: 768}} {
		for _, zoom := range []float32{1, 1.5} {
			for i := 1; i < deck.Len(); i++ {
				sec, _ := deck.Section(i)
				var shown []string
				for _, tx := range texts(buildSlide(deck, &m, i, size, SlideStyle{Zoom: zoom}, true)) {
					shown = append(shown, tx.Text)
				}
				all := strings.Join(shown, "\n")
				list := deck.Projects[sec.ID]
				if len(list) == 0 {
					if strings.Contains(all, "Projects and tasks") {
						t.Errorf("%s lists projects it has not", sec.Heading())
					}
					continue
				}
				withProjects++
				if !strings.Contains(all, "Projects and tasks") || strings.Contains(all, "more projects") {
					t.Errorf("%v zoom %v %s: %q", size, zoom, sec.Heading(), all)
				}
				for _, p := range list {
					if !strings.Contains(all, string([]rune(p.Name)[:4])) || !strings.Contains(all, "Completed") {
						t.Errorf("%v zoom %v %s: no row for %s", size, zoom, sec.Heading(), p.Name)
					}
				}
				// Its indicators keep their cards beside the projects.
				for _, ind := range deck.Indicators[sec.ID] {
					if !strings.Contains(all, string([]rune(ind.Name)[:2])) {
						t.Errorf("%v zoom %v %s: no card for %s", size, zoom, sec.Heading(), ind.Name)
					}
				}
			}
		}
	}
	if withProjects != 4*4 { // four sections with projects, four sizes and zooms
		t.Errorf("%d slides with projects, want 16", withProjects)
	}
}

// TestProjectsOfASectionWithoutIndicatorsStartAtTheTop: on a slide with
// no cards, the list stands at the top of its column, level with the text.
func TestProjectsOfASectionWithoutIndicatorsStartAtTheTop(t *testing.T) {
	deck, _ := seededDeck(t)
	var m textMeasure
	slide := deck.SlideOf(deck.Sections[1].ID) // 1.空间布局持续优化: two projects, no indicators
	var heading, body float32 = -1, -1
	for _, tx := range texts(buildSlide(deck, &m, slide, fyne.NewSize(1920, 1080), SlideStyle{Zoom: 1}, true)) {
		switch {
		case tx.Text == "Projects and tasks":
			heading = tx.Position().Y
		case body < 0 && strings.Contains(tx.Text, "四区支撑"):
			body = tx.Position().Y
		}
	}
	if heading < 0 || body < 0 || heading > body+40 {
		t.Errorf("the projects' heading is at y=%v, the text at y=%v", heading, body)
	}
}
