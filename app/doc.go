// Package app wires PlanDesk's window together: it opens the store
// (read-only when the file cannot be written), builds the main window with
// its tabs, menus and shortcuts, runs every write off the UI thread through
// one queue and tells the screens what changed (views.Signals), keeps the
// undo history, runs presentations, backups and exports, and remembers
// preferences.
//
// It holds no SQL (that is store's) and no sentence of its own beyond the
// translation keys (messages words them); the command line is cli's.
package app
