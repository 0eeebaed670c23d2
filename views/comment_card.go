package views

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"plandesk/messages"
	"plandesk/plan"
)

// CommentActions are what a reviewer does to comments from the screens:
// the app implements them with its dialogs (the text is typed there), the
// store, undo and the reviewer's name. Each returns at once; the screens
// show the result when CommentsChanged says it is on the disk.
type CommentActions interface {
	// NewComment asks for a comment on draft's anchor (its Anchor,
	// SectionID, ParagraphSeq, Start, End, IndicatorID or ProjectID set).
	NewComment(draft plan.Comment)
	// Reply asks for a reply to a thread.
	Reply(thread plan.Comment)
	// EditComment asks for a new text (and, for a 建议修改, wording).
	EditComment(c plan.Comment)
	// SetCommentState sets a thread's state at once.
	SetCommentState(c plan.Comment, state string)
	// DeleteComment deletes a comment, a thread with its replies, after
	// asking.
	DeleteComment(c plan.Comment)
}

// commentCard shows one thread in the section page's margin or the review
// pane: its kind and state, who wrote it and when, what it is on (tapped,
// the page shows it), its text and proposed wording, its replies, and the
// buttons to answer, edit or delete it. The state is a choice set at once.
type commentCard struct {
	widget.BaseWidget
	thread  plan.Thread
	found   bool
	actions CommentActions
	// onAnchor is called when the anchor line is tapped.
	onAnchor func(c plan.Comment)
	frame    *canvas.Rectangle
	state    *widget.Select
	box      *fyne.Container
	selected bool
}

func newCommentCard(th plan.Thread, found bool, actions CommentActions, onAnchor func(plan.Comment)) *commentCard {
	c := &commentCard{thread: th, found: found, actions: actions, onAnchor: onAnchor}
	c.frame = &canvas.Rectangle{StrokeWidth: 1, CornerRadius: theme.Size(theme.SizeNameInputRadius)}
	c.build()
	c.ExtendBaseWidget(c)
	return c
}

// build lays the card's parts out from its thread.
func (c *commentCard) build() {
	th := c.thread
	labels, codes := choiceLists(messages.CommentStateChoices())
	c.state = widget.NewSelect(labels, nil)
	c.state.SetSelectedIndex(slices.Index(codes, th.State))
	c.state.OnChanged = func(string) {
		if i := c.state.SelectedIndex(); i >= 0 && codes[i] != c.thread.State && c.actions != nil {
			c.actions.SetCommentState(c.thread.Comment, codes[i])
		}
	}
	kind := &widget.Label{Text: messages.CommentKindLabel(th.Kind), TextStyle: fyne.TextStyle{Bold: true}, Importance: kindImportance(th.Kind)}
	// Who and when in the body colour: the low-importance grey fades out
	// on a projector.
	who := &widget.Label{Text: th.Reviewer + " · " + th.CreatedAt.Local().Format("01-02 15:04"), Truncation: fyne.TextTruncateEllipsis}
	anchor := &widget.Button{Text: messages.AnchorText(th.Comment, c.found), Alignment: widget.ButtonAlignLeading,
		Importance: widget.LowImportance, Icon: theme.VisibilityIcon(), OnTapped: c.onAnchorTapped}
	if !c.found {
		anchor.Importance = widget.WarningImportance
	}
	// Who and when under the kind and state, not between them: a narrow
	// margin (1024×768) would cut the name.
	objects := []fyne.CanvasObject{
		container.NewBorder(nil, nil, kind, c.state),
		who,
		anchor,
		&widget.Label{Text: th.Text, Wrapping: fyne.TextWrapWord},
	}
	if th.Kind == plan.KindChange && th.Replacement != "" {
		objects = append(objects, &widget.Label{Text: lang.L("Change to: {{.Text}}", map[string]any{"Text": th.Replacement}),
			Wrapping: fyne.TextWrapWord, TextStyle: fyne.TextStyle{Italic: true}})
	}
	for _, r := range th.Replies {
		objects = append(objects, &widget.Label{Text: "↳ " + r.Reviewer + " · " + r.CreatedAt.Local().Format("01-02 15:04") + "：" + r.Text,
			Wrapping: fyne.TextWrapWord, Importance: widget.MediumImportance})
	}
	objects = append(objects, container.NewHBox(
		&widget.Button{Text: lang.L("Reply"), Icon: theme.MailReplyIcon(), Importance: widget.LowImportance, OnTapped: c.onReply},
		&widget.Button{Text: lang.L("Edit"), Icon: theme.DocumentCreateIcon(), Importance: widget.LowImportance, OnTapped: c.onEdit},
		&widget.Button{Icon: theme.DeleteIcon(), Importance: widget.LowImportance, OnTapped: c.onDelete},
	))
	c.box = container.NewVBox(objects...)
}

func (c *commentCard) CreateRenderer() fyne.WidgetRenderer {
	c.paintFrame()
	return widget.NewSimpleRenderer(container.NewStack(c.frame, container.NewPadded(c.box)))
}

// holds reports whether comment id is the card's thread or one of its
// replies.
func (c *commentCard) holds(id int64) bool {
	if c.thread.ID == id {
		return true
	}
	for _, r := range c.thread.Replies {
		if r.ID == id {
			return true
		}
	}
	return false
}

// setSelected draws the card as the one whose anchor the page shows.
func (c *commentCard) setSelected(on bool) {
	c.selected = on
	c.paintFrame()
	c.frame.Refresh()
}

func (c *commentCard) paintFrame() {
	c.frame.FillColor = theme.Color(theme.ColorNameInputBackground)
	c.frame.StrokeColor = theme.Color(theme.ColorNameSeparator)
	if c.selected {
		c.frame.StrokeColor = theme.Color(theme.ColorNamePrimary)
		c.frame.StrokeWidth = 2
	} else {
		c.frame.StrokeWidth = 1
	}
}

func (c *commentCard) Refresh() {
	c.paintFrame()
	c.BaseWidget.Refresh()
}

func (c *commentCard) onAnchorTapped() {
	if c.onAnchor != nil {
		c.onAnchor(c.thread.Comment)
	}
}

func (c *commentCard) onReply() {
	if c.actions != nil {
		c.actions.Reply(c.thread.Comment)
	}
}

func (c *commentCard) onEdit() {
	if c.actions != nil {
		c.actions.EditComment(c.thread.Comment)
	}
}

func (c *commentCard) onDelete() {
	if c.actions != nil {
		c.actions.DeleteComment(c.thread.Comment)
	}
}

// kindImportance colours a comment's kind: a question stands out, a
// proposed change is the primary colour, a remark plain.
func kindImportance(kind string) widget.Importance {
	switch kind {
	case plan.KindQuestion:
		return widget.WarningImportance
	case plan.KindChange:
		return widget.HighImportance
	}
	return widget.MediumImportance
}

// choiceLists splits choices into their labels and values.
func choiceLists(choices []messages.Choice) (labels, values []string) {
	for _, ch := range choices {
		labels = append(labels, ch.Label)
		values = append(values, ch.Value)
	}
	return labels, values
}
