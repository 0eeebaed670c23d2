package views

import (
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"plandesk/plan"
)

// outlineTree is the report's section tree. It is a widget.Tree whose node
// ids are section ids, with PageUp/PageDown passed on to the screen so that
// paging works while the tree has the keyboard focus.
type outlineTree struct {
	// onWindowKey gets F5, which the tree does not use.
	onWindowKey windowKeys
	widget.Tree
	outline plan.Outline
	onPage  func(key fyne.KeyName)
	current int64
	// programmatic is set while the screen selects a node itself, so that
	// only a user's click takes the keyboard focus.
	programmatic bool
	// onReview is called with a section and the review state its context
	// menu (a secondary tap on its row) chose.
	onReview func(id int64, state string)
	// onComment, when set, is called with a section whose context menu
	// chose 添加意见.
	onComment func(id int64)
}

func newOutlineTree(onSelect func(id int64), onPage func(key fyne.KeyName)) *outlineTree {
	t := &outlineTree{onPage: onPage}
	t.ChildUIDs = t.childIDs
	t.IsBranch = t.isBranch
	t.CreateNode = t.createNode
	t.UpdateNode = t.updateNode
	t.OnSelected = func(uid widget.TreeNodeID) {
		id := nodeSection(uid)
		if id == 0 {
			return
		}
		if !t.programmatic {
			// Fyne focuses the embedded Tree, which the canvas does not
			// know; focus this widget so the arrow keys reach it.
			if c := fyne.CurrentApp().Driver().CanvasForObject(t); c != nil {
				c.Focus(t)
			}
		}
		onSelect(id)
	}
	t.ExtendBaseWidget(t)
	return t
}

// setOutline shows a new report's sections, all branches open.
func (t *outlineTree) setOutline(o plan.Outline) {
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
	t.current = id
	t.programmatic = true
	t.Select(uid)
	t.programmatic = false
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

func (t *outlineTree) createNode(bool) fyne.CanvasObject { return newOutlineRow(t) }

func (t *outlineTree) updateNode(uid widget.TreeNodeID, branch bool, o fyne.CanvasObject) {
	row := o.(*outlineRow)
	s, _ := t.outline.Section(nodeSection(uid))
	row.id = s.ID
	row.icon.SetResource(reviewIcon(s.ReviewState))
	row.label.TextStyle.Bold = s.Depth == 0
	row.label.SetText(headingText(s))
}

// outlineRow is one section of the tree: its review mark and heading. A
// secondary tap on it opens the section's review menu.
type outlineRow struct {
	widget.BaseWidget
	tree  *outlineTree
	id    int64
	icon  *widget.Icon
	label *widget.Label
}

func newOutlineRow(t *outlineTree) *outlineRow {
	r := &outlineRow{tree: t, icon: widget.NewIcon(nil), label: &widget.Label{Truncation: fyne.TextTruncateEllipsis}}
	r.ExtendBaseWidget(r)
	return r
}

func (r *outlineRow) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewBorder(nil, nil, r.icon, nil, r.label))
}

// TappedSecondary offers the row's section its three review states.
func (r *outlineRow) TappedSecondary(e *fyne.PointEvent) {
	s, ok := r.tree.outline.Section(r.id)
	if !ok || r.tree.onReview == nil {
		return
	}
	c := fyne.CurrentApp().Driver().CanvasForObject(r)
	if c == nil {
		return
	}
	id := s.ID
	var comment func()
	if r.tree.onComment != nil {
		comment = func() { r.tree.onComment(id) }
	}
	widget.ShowPopUpMenuAtPosition(reviewMenu(s.ReviewState, func(state string) { r.tree.onReview(id, state) }, comment), c, e.AbsolutePosition)
}

// TypedKey moves through the sections: Up and Down (like PageUp and
// PageDown) open the previous and next section in reading order, Left folds
// the section or goes to its parent, Right unfolds it.
func (t *outlineTree) TypedKey(e *fyne.KeyEvent) {
	switch e.Name {
	case fyne.KeyF5:
		t.onWindowKey.pass(e)
	case fyne.KeyPageUp, fyne.KeyUp:
		t.onPage(fyne.KeyPageUp)
	case fyne.KeyPageDown, fyne.KeyDown:
		t.onPage(fyne.KeyPageDown)
	case fyne.KeyLeft:
		uid := nodeID(t.current)
		if t.IsBranch(uid) && t.IsBranchOpen(uid) {
			t.CloseBranch(uid)
		} else if s, ok := t.outline.Section(t.current); ok && s.ParentID != nil {
			t.Select(nodeID(*s.ParentID))
		}
	case fyne.KeyRight:
		if uid := nodeID(t.current); t.IsBranch(uid) {
			t.OpenBranch(uid)
		}
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
