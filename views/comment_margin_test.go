package views

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"plandesk/icons"
	"plandesk/messages"
	"plandesk/plan"
	"plandesk/search"
)

// draftRecorder is CommentActions that keeps the drafts it is asked to
// write, as the window's dialog would receive them.
type draftRecorder struct{ drafts []plan.Comment }

func (r *draftRecorder) NewComment(d plan.Comment)            { r.drafts = append(r.drafts, d) }
func (r *draftRecorder) Reply(plan.Comment)                   {}
func (r *draftRecorder) EditComment(plan.Comment)             {}
func (r *draftRecorder) SetCommentState(plan.Comment, string) {}
func (r *draftRecorder) DeleteComment(plan.Comment)           {}

// TestMarginCardsBesideTheirSpans: on the real store, a comment on a span
// of a section's second paragraph is highlighted there and its card stands
// level with that paragraph in the margin; tapping the highlight selects
// the card, tapping the card's anchor marks the span; text selected by
// dragging becomes the next comment's anchor (Ctrl+Alt+M and the context
// menu), and a comment whose text is gone says 原文已变.
func TestMarginCardsBesideTheirSpans(t *testing.T) {
	if err := messages.Use(messages.Chinese); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = messages.Use(messages.English) })
	a := test.NewTempApp(t)
	a.Settings().SetTheme(NewTheme(icons.FontRegular(), icons.FontBold(), VariantLight))
	st, report := seededStore(t)
	sections, _ := st.Sections(report.ID)
	var sec plan.Section
	var paras []plan.Paragraph
	for _, s := range sections {
		if ps, _ := st.Paragraphs(s.ID); len(ps) >= 2 {
			sec, paras = s, ps
			break
		}
	}
	second := paras[1]
	quote := string([]rune(second.Text)[2:6])
	at := strings.Index(second.Text, quote)
	c, _, err := st.AddComment(plan.Comment{SectionID: sec.ID, Anchor: plan.AnchorSpan, ParagraphSeq: 1, Start: at, End: at + len(quote), Text: "这句需要数据支撑"}, "张三")
	if err != nil {
		t.Fatal(err)
	}
	gone, _, _ := st.AddComment(plan.Comment{SectionID: sec.ID, Anchor: plan.AnchorSection, Text: "本节总体可以"}, "李四")

	rec := &draftRecorder{}
	screen := NewReportScreen(st, nopEditor{})
	screen.UseComments(st, rec)
	shown := make(chan int64, 4)
	screen.OnSectionShown = func(_, id int64) { shown <- id }
	w := test.NewTempWindow(t, screen)
	w.Resize(fyne.NewSize(1400, 900))
	screen.LoadReport(report.ID, sec.ID)
	select {
	case <-shown:
	case <-time.After(5 * time.Second):
		t.Fatal("no section shown")
	}
	page := screen.page
	para := page.paragraphs[second.ID]
	spans := para.spansOf(layerComments)
	if len(spans) != 1 || para.text[spans[0].start:spans[0].end] != quote || spans[0].fill != ColorNameComment {
		t.Fatalf("comment spans of the paragraph: %+v", spans)
	}
	if len(page.margin.cards) != 2 || page.margin.box.Hidden {
		t.Fatalf("margin cards: %d", len(page.margin.cards))
	}
	card, _ := page.margin.card(c.ID)
	if top, _ := page.margin.card(gone.ID); top.Position().Y != 0 || card.Position().Y < para.Position().Y {
		t.Errorf("the section's card at %v, the span's at %v beside a paragraph at %v", top.Position(), card.Position(), para.Position())
	}
	if x := page.margin.box.Position().X; x < page.text.Size().Width {
		t.Errorf("the margin at x %v overlaps the text %v wide", x, page.text.Size().Width)
	}

	test.WidgetRenderer(para).Layout(para.Size())
	for _, h := range para.hits {
		if h.span.fill == ColorNameComment {
			para.Tapped(&fyne.PointEvent{Position: h.pos.AddXY(2, 2)})
		}
	}
	if !card.selected {
		t.Error("tapping the highlight did not select its card")
	}
	for _, b := range findAll[*widget.Button](card) {
		if strings.Contains(b.Text, quote) {
			test.Tap(b)
		}
	}
	if m := para.spansOf(layerMark); len(m) != 1 || para.text[m[0].start:m[0].end] != quote {
		t.Errorf("the card's anchor marked %+v", m)
	}

	// A drag over the first paragraph selects text: the next comment is
	// on it, from the shortcut and from the context menu alike.
	first := page.paragraphs[paras[0].ID]
	from, to := first.laid.origins[0], first.laid.origins[0].AddXY(120, 0)
	first.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: to}, Dragged: fyne.NewDelta(to.X-from.X, 0)})
	first.DragEnd()
	draft, ok := screen.CommentDraft()
	if !ok || draft.Anchor != plan.AnchorSpan || draft.ParagraphSeq != 0 || draft.Quote == "" || paras[0].Text[draft.Start:draft.End] != draft.Quote {
		t.Fatalf("draft from the selection = %+v", draft)
	}
	menu := page.paragraphMenu(first)
	if len(menu.Items) != 2 {
		t.Fatalf("the context menu of a selection offers %d items, want 添加意见 and 复制", len(menu.Items))
	}
	menu.Items[0].Action()
	if len(rec.drafts) != 1 || rec.drafts[0].Quote != draft.Quote {
		t.Errorf("the context menu asked for %+v", rec.drafts)
	}
	first.Tapped(&fyne.PointEvent{Position: fyne.NewPos(1, 1)})
	if d, _ := screen.CommentDraft(); d.Anchor != plan.AnchorSection {
		t.Errorf("after a click the selection is still the anchor: %+v", d)
	}

	// A search hit in a comment selects its card.
	card.setSelected(false)
	page.mark(search.Hit{Kind: search.KindComment, SectionID: sec.ID, ID: c.ID})
	if !card.selected {
		t.Error("a search hit in the comment did not select its card")
	}

	// The span's text gone: the card says so and nothing is highlighted.
	page.paragraphList[1].Text = "改写后的段落。"
	page.showComments(page.comments)
	if len(para.spansOf(layerComments)) != 0 || !strings.Contains(strings.Join(buttonTexts(page.margin.box), "|"), "原文已变") {
		t.Errorf("a gone quote: spans %+v, buttons %q", para.spansOf(layerComments), buttonTexts(page.margin.box))
	}
}

// findAll collects the objects of type T under o, in drawing order.
func findAll[T fyne.CanvasObject](o fyne.CanvasObject) []T {
	var found []T
	var walk func(fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if w, ok := o.(T); ok {
			found = append(found, w)
		}
		switch c := o.(type) {
		case *fyne.Container:
			for _, child := range c.Objects {
				walk(child)
			}
		case fyne.Widget:
			for _, child := range test.WidgetRenderer(c).Objects() {
				walk(child)
			}
		}
	}
	walk(o)
	return found
}

func buttonTexts(o fyne.CanvasObject) []string {
	var out []string
	for _, b := range findAll[*widget.Button](o) {
		out = append(out, b.Text)
	}
	return out
}
