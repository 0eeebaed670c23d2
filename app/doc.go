// Package app wires PlanDesk together: it opens the store, builds the main
// window with its menus and shortcuts, remembers preferences, and runs the
// command-line subcommands.
package app
