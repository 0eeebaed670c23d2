package views

import (
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"plandesk/data"
)

// outlineTree is the report's section tree. It is a widget.Tree whose node
// ids are section ids, with PageUp/PageDown passed on to the screen so that
// paging works while the tree has the keyboard focus.
type outlineTree struct {
	widget.Tree
	outline data.Outline
	onPage  func(key fyne.KeyName)
}

func newOutlineTree(onSelect func(id int64), onPage func(key fyne.KeyName)) *outlineTree {
	t := &outlineTree{onPage: onPage}
	t.ChildUIDs = t.childIDs
	t.IsBranch = t.isBranch
	t.CreateNode = t.createNode
	t.UpdateNode = t.updateNode
	t.OnSelected = func(uid widget.TreeNodeID) {
		if id := nodeSection(uid); id != 0 {
			onSelect(id)
		}
	}
	t.ExtendBaseWidget(t)
	return t
}

// setOutline shows a new report's sections, all branches open.
func (t *outlineTree) setOutline(o data.Outline) {
	t.outline = o
	t.UnselectAll()
	t.Refresh()
	t.OpenAllBranches()
}

// selectSection highlights id and scrolls it into view without re-firing
// navigation for a section that is already selected.
func (t *outlineTree) selectSection(id int64) {
	uid := nodeID(id)
	if s, ok := t.outline.Section(id); ok && s.ParentID != nil {
		t.OpenBranch(nodeID(*s.ParentID))
	}
	t.Select(uid)
	t.ScrollTo(uid)
}

func (t *outlineTree) childIDs(uid widget.TreeNodeID) []widget.TreeNodeID {
	children := t.outline.Children(nodeSection(uid))
	ids := make([]widget.TreeNodeID, len(children))
	for i, c := range children {
		ids[i] = nodeID(c)
	}
	return ids
}

func (t *outlineTree) isBranch(uid widget.TreeNodeID) bool {
	return uid == "" || len(t.outline.Children(nodeSection(uid))) > 0
}

func (t *outlineTree) createNode(bool) fyne.CanvasObject {
	return &widget.Label{Truncation: fyne.TextTruncateEllipsis}
}

func (t *outlineTree) updateNode(uid widget.TreeNodeID, branch bool, o fyne.CanvasObject) {
	label := o.(*widget.Label)
	s, _ := t.outline.Section(nodeSection(uid))
	label.TextStyle.Bold = s.Depth == 0
	label.SetText(s.Heading())
}

// TypedKey passes page keys to the screen and the rest to the tree.
func (t *outlineTree) TypedKey(e *fyne.KeyEvent) {
	switch e.Name {
	case fyne.KeyPageUp, fyne.KeyPageDown:
		t.onPage(e.Name)
	default:
		t.Tree.TypedKey(e)
	}
}

// nodeID and nodeSection convert between section ids and tree node ids;
// the tree's root is "" (section id 0).
func nodeID(id int64) widget.TreeNodeID {
	if id == 0 {
		return ""
	}
	return strconv.FormatInt(id, 10)
}

func nodeSection(uid widget.TreeNodeID) int64 {
	id, _ := strconv.ParseInt(uid, 10, 64)
	return id
}
