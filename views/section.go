package views

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"plandesk/messages"
	"plandesk/plan"
)

// sectionPage shows one section: a breadcrumb, the heading in large bold
// type, its paragraphs, links to its subsections, and Previous/Next.
type sectionPage struct {
	widget.BaseWidget
	crumb      *widget.Label
	title      *widget.Label
	body       *fyne.Container
	scroll     *container.Scroll
	prev, next *widget.Button
	onOpen     func(id int64)
	table      *IndicatorTable
	tableTitle *widget.Label
	noTable    *widget.Label
	charts     *indicatorCharts
	chartBar   *fyne.Container // the charts' heading and export button
	exportPNG  *widget.Button
	confirmAll *widget.Button   // 确认本节全部提议, shown while the section has proposals
	tableBar   *fyne.Container  // the table's heading and confirm button
	indicators []plan.Indicator // the list the table and charts show
	// tables are the section's own tables (from a .docx), shown among its
	// paragraphs where the document has them; set before show.
	tables []plan.Table
	// onConfirmAll is called when 确认本节全部提议 is tapped.
	onConfirmAll func()
	// projects lists the section's projects and tasks, hidden until the
	// screen is given a source of them (ReportScreen.UseProjects).
	projects *ProjectList
	// onExportChart is called with the section's indicators when the
	// export button is tapped.
	onExportChart func(list []plan.Indicator)
	// paragraphs are the page's paragraphs by id, for a search hit to mark.
	paragraphs map[int64]*paragraph
	// review shows and sets the section's review state, between Previous
	// and Next.
	review *reviewControl
	// text holds the section's paragraphs, tables and subsection links;
	// margin the comment cards at its right (comment_margin.go).
	text   *fyne.Container
	margin *commentMargin
	// paragraphList is the section's paragraphs as stored, for comments
	// to find their text in; comments are the section's comments.
	paragraphList  []plan.Paragraph
	comments       []plan.Comment
	commentActions CommentActions
	// tip is the tip a number of the text shows when clicked
	// (number_links.go).
	tip *linkTip
}

func newSectionPage(onPrev, onNext func(), onOpen func(id int64), editor IndicatorEditor) *sectionPage {
	p := &sectionPage{
		crumb:      &widget.Label{Truncation: fyne.TextTruncateEllipsis},
		title:      &widget.Label{TextStyle: fyne.TextStyle{Bold: true}, Wrapping: fyne.TextWrapWord, SizeName: theme.SizeNameHeadingText},
		body:       container.NewVBox(),
		prev:       widget.NewButtonWithIcon(lang.L("Previous"), theme.NavigateBackIcon(), onPrev),
		next:       widget.NewButtonWithIcon(lang.L("Next"), theme.NavigateNextIcon(), onNext),
		onOpen:     onOpen,
		table:      newIndicatorTable(sectionColumns(), editor, true),
		tableTitle: &widget.Label{TextStyle: fyne.TextStyle{Bold: true}, SizeName: theme.SizeNameSubHeadingText},
		noTable:    &widget.Label{Wrapping: fyne.TextWrapWord},
		charts:     newIndicatorCharts(),
		projects:   newProjectList(nil),
		review:     newReviewControl(),
		text:       container.NewVBox(),
		margin:     newCommentMargin(),
		tip:        newLinkTip(),
	}
	p.projects.Hidden = true
	p.exportPNG = &widget.Button{Icon: theme.DownloadIcon(), Importance: widget.LowImportance, OnTapped: p.onExportTapped}
	p.confirmAll = &widget.Button{Icon: theme.ConfirmIcon(), Importance: widget.LowImportance, OnTapped: p.onConfirmTapped}
	p.tableBar = container.NewBorder(nil, nil, nil, p.confirmAll, p.tableTitle)
	p.chartBar = container.NewBorder(nil, nil, nil, p.exportPNG,
		&widget.Label{Text: lang.L("Charts"), TextStyle: fyne.TextStyle{Bold: true}, SizeName: theme.SizeNameSubHeadingText})
	p.next.IconPlacement = widget.ButtonIconTrailingText
	p.scroll = container.NewVScroll(container.NewPadded(p.body))
	p.table.onPageScrolled = p.scroll.Scrolled
	p.table.onShowInText = p.showInText
	p.table.inText = p.inText
	p.ExtendBaseWidget(p)
	return p
}

func (p *sectionPage) CreateRenderer() fyne.WidgetRenderer {
	header := container.NewVBox(p.crumb, p.title, widget.NewSeparator())
	footer := container.NewVBox(widget.NewSeparator(), container.NewBorder(nil, nil, p.prev, p.next, container.NewCenter(p.review)))
	return widget.NewSimpleRenderer(container.NewBorder(container.NewPadded(header), footer, nil, nil, p.scroll))
}

// show fills the page with a section. path runs from the top-level part down
// to the section; children are its direct subsections, linked when the
// section has no text of its own.
func (p *sectionPage) show(path []plan.Section, paragraphs []plan.Paragraph, children []plan.Section, hasPrev, hasNext bool) {
	if len(path) == 0 {
		return
	}
	crumbs := make([]string, len(path)-1)
	for i, s := range path[:len(path)-1] {
		crumbs[i] = headingText(s)
	}
	p.crumb.SetText(strings.Join(crumbs, "  ›  "))
	p.crumb.Hidden = len(crumbs) == 0
	p.title.SetText(headingText(path[len(path)-1]))
	p.review.set(path[len(path)-1].ReviewState)

	objects := make([]fyne.CanvasObject, 0, len(paragraphs)+len(children)+1)
	p.paragraphs = make(map[int64]*paragraph, len(paragraphs))
	p.paragraphList = paragraphs
	tables := p.tables
	for i, para := range paragraphs {
		for len(tables) > 0 && tables[0].After <= i {
			objects, tables = append(objects, newTableGrid(tables[0])), tables[1:]
		}
		w := newParagraph(para.Text, theme.SizeNameSubHeadingText)
		w.onSelected, w.onMenu = p.onTextSelected, p.onParagraphMenu
		p.paragraphs[para.ID] = w
		objects = append(objects, w)
	}
	for _, t := range tables {
		objects = append(objects, newTableGrid(t))
	}
	if len(paragraphs) == 0 {
		objects = append(objects, &widget.Label{Text: lang.L("This section has no text of its own; its subsections follow."), Wrapping: fyne.TextWrapWord})
	}
	if len(paragraphs) == 0 || len(children) > 0 {
		for _, c := range children {
			id := c.ID
			link := &widget.Button{Text: headingText(c), Alignment: widget.ButtonAlignLeading, Importance: widget.LowImportance, Icon: theme.NavigateNextIcon(), OnTapped: func() { p.onOpen(id) }}
			objects = append(objects, link)
		}
	}
	p.tableTitle.SetText(lang.L("Indicators"))
	p.noTable.SetText(lang.L("This section lists no indicators. Add one with Edit → Add indicator (Ctrl+N)."))
	p.exportPNG.SetText(lang.L("Export chart as PNG…"))
	p.text.Objects = objects
	p.text.Refresh()
	p.showComments(nil)
	row := container.New(&marginRow{text: p.text, margin: p.margin}, p.text, p.margin.box)
	p.body.Objects = []fyne.CanvasObject{row, widget.NewSeparator(), p.tableBar, p.noTable, p.table, p.chartBar, p.charts, p.projects}
	p.body.Refresh()
	p.scroll.ScrollToTop()
	setEnabled(p.prev, hasPrev)
	setEnabled(p.next, hasNext)
	p.Refresh()
}

// showIndicators fills the section's table and charts, or says it has
// none. It runs again after every edit, so the charts follow at once.
func (p *sectionPage) showIndicators(list []plan.Indicator) {
	p.indicators = list
	p.table.SetRows(list)
	p.charts.setIndicators(list)
	p.drawLinks()
	none := len(list) == 0
	p.table.Hidden, p.chartBar.Hidden, p.charts.Hidden = none, none, none
	p.noTable.Hidden = !none
	p.showConfirm()
	p.body.Refresh()
}

// showConfirm offers 确认本节全部提议 while the section has proposals.
func (p *sectionPage) showConfirm() {
	n := 0
	for _, ind := range p.indicators {
		if ind.State == plan.StateProposed {
			n++
		}
	}
	p.confirmAll.SetText(lang.L("Confirm this section's {{.Count}} proposals", map[string]any{"Count": n}))
	p.confirmAll.Hidden = n == 0 || p.onConfirmAll == nil
}

func (p *sectionPage) onConfirmTapped() {
	if p.onConfirmAll != nil {
		p.onConfirmAll()
	}
}

// patchIndicators shows the stored versions of some of the page's
// indicators, table and charts alike, and reports whether the page lists
// any of them.
func (p *sectionPage) patchIndicators(updated []plan.Indicator) bool {
	if !p.table.PatchRows(updated) {
		return false
	}
	p.indicators = p.table.Rows()
	p.charts.setIndicators(p.indicators)
	p.drawLinks()
	p.showConfirm()
	return true
}

func (p *sectionPage) onExportTapped() {
	if p.onExportChart != nil && len(p.indicators) > 0 {
		p.onExportChart(p.indicators)
	}
}

func setEnabled(w fyne.Disableable, enabled bool) {
	if enabled {
		w.Enable()
	} else {
		w.Disable()
	}
}

// headingText is a section's heading as the screens show it.
func headingText(s plan.Section) string { return messages.Heading(s.Heading()) }
