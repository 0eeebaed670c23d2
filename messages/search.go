package messages

import (
	"fyne.io/fyne/v2/lang"

	"plandesk/search"
)

// HitKind names what a search hit was found in, for the results list and
// `plandesk search`: 标题, 正文, 指标, 项目, 意见.
func HitKind(k search.Kind) string {
	switch k {
	case search.KindSection:
		return lang.L("Heading")
	case search.KindParagraph:
		return lang.L("Body text")
	case search.KindIndicator:
		return lang.L("Indicator")
	case search.KindProject:
		return lang.L("Project")
	case search.KindComment:
		return lang.L("Comment")
	}
	return string(k)
}

// HitContext is a hit's snippet as a list shows it: an indicator's value
// or a project's name after the name it belongs to (数字经济类企业：突破210家).
func HitContext(h search.Hit) string {
	if h.Name == "" || h.Name == h.Text {
		return h.Context
	}
	return lang.L("{{.Name}}: {{.Context}}", map[string]any{"Name": h.Name, "Context": h.Context})
}

// SearchCount says how much a search found: nothing, every hit, or how
// many of them the list holds (search.MaxHits at most).
func SearchCount(query string, shown, total int) string {
	args := map[string]any{"Query": query, "Shown": shown, "Total": total}
	switch {
	case total == 0:
		return lang.L("Nothing found for “{{.Query}}”.", args)
	case shown < total:
		return lang.L("{{.Total}} found for “{{.Query}}”; the first {{.Shown}} are listed.", args)
	}
	return lang.L("{{.Total}} found for “{{.Query}}”.", args)
}
