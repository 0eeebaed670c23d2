// Package app wires PlanDesk together: it opens the store (read-only when
// the file cannot be written), builds the main window with its tabs, menus
// and shortcuts, runs presentations, backups and exports, remembers
// preferences, and runs the command-line subcommands.
package app
