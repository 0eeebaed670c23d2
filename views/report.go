package views

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"plandesk/data"
)

// ReportSource is what the report screen needs from storage.
type ReportSource interface {
	Sections(reportID int64) ([]data.Section, error)
	Paragraphs(sectionID int64) ([]data.Paragraph, error)
}

// ReportScreen shows one report: its section tree beside the selected
// section's page. Data is loaded off the UI thread and applied with fyne.Do;
// a load that a newer one overtook is dropped.
type ReportScreen struct {
	widget.BaseWidget
	source   ReportSource
	tree     *outlineTree
	page     *sectionPage
	split    *container.Split
	reportID int64
	outline  data.Outline
	current  int64
	loads    int // counts loads started, on the UI thread, to drop stale ones

	// OnSectionShown is called on the UI thread after a section is shown.
	OnSectionShown func(reportID, sectionID int64)
	// OnError is called on the UI thread when loading fails.
	OnError func(err error)
}

// NewReportScreen returns an empty screen; LoadReport fills it.
func NewReportScreen(source ReportSource) *ReportScreen {
	r := &ReportScreen{source: source}
	r.tree = newOutlineTree(r.ShowSection, r.PageKey)
	r.page = newSectionPage(r.Prev, r.Next, r.ShowSection)
	r.split = container.NewHSplit(r.tree, r.page)
	r.split.Offset = 0.3
	r.ExtendBaseWidget(r)
	return r
}

func (r *ReportScreen) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(r.split)
}

// Current is the section on screen, or 0 before one is shown.
func (r *ReportScreen) Current() int64 { return r.current }

// Outline is the loaded report's section tree.
func (r *ReportScreen) Outline() data.Outline { return r.outline }

// LoadReport shows a report, opening section want if it belongs to the
// report and the first section otherwise.
func (r *ReportScreen) LoadReport(reportID, want int64) {
	fetch := func() ([]data.Section, error) { return r.source.Sections(reportID) }
	loadThen(r, fetch, func(sections []data.Section) {
		r.reportID = reportID
		r.outline = data.NewOutline(sections)
		r.current = 0
		r.tree.setOutline(r.outline)
		if _, ok := r.outline.Section(want); !ok {
			want = r.outline.First()
		}
		r.ShowSection(want)
	})
}

// ShowSection loads and shows one section of the current report.
func (r *ReportScreen) ShowSection(id int64) {
	if _, ok := r.outline.Section(id); !ok || id == r.current {
		return
	}
	fetch := func() ([]data.Paragraph, error) { return r.source.Paragraphs(id) }
	loadThen(r, fetch, func(paragraphs []data.Paragraph) {
		r.current = id
		r.page.show(r.outline.Path(id), paragraphs, r.children(id), r.outline.Prev(id) != 0, r.outline.Next(id) != 0)
		r.tree.selectSection(id)
		if r.OnSectionShown != nil {
			r.OnSectionShown(r.reportID, id)
		}
	})
}

// loadThen runs fetch off the UI thread, then apply on it with the result,
// unless a newer load started in the meantime (the user moved on).
func loadThen[T any](r *ReportScreen, fetch func() (T, error), apply func(T)) {
	r.loads++
	load := r.loads
	go func() {
		v, err := fetch()
		fyne.Do(func() {
			if load != r.loads {
				return
			}
			if err != nil {
				r.fail(err)
				return
			}
			apply(v)
		})
	}()
}

func (r *ReportScreen) children(id int64) []data.Section {
	ids := r.outline.Children(id)
	children := make([]data.Section, 0, len(ids))
	for _, c := range ids {
		s, _ := r.outline.Section(c)
		children = append(children, s)
	}
	return children
}

// Next shows the section after the current one in reading order.
func (r *ReportScreen) Next() { r.ShowSection(r.outline.Next(r.current)) }

// Prev shows the section before the current one in reading order.
func (r *ReportScreen) Prev() { r.ShowSection(r.outline.Prev(r.current)) }

// PageKey handles PageUp/PageDown from anywhere in the window.
func (r *ReportScreen) PageKey(key fyne.KeyName) {
	switch key {
	case fyne.KeyPageDown:
		r.Next()
	case fyne.KeyPageUp:
		r.Prev()
	}
}

func (r *ReportScreen) fail(err error) {
	if r.OnError != nil {
		r.OnError(fmt.Errorf("report %d: %w", r.reportID, err))
	}
}
