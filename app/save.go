package app

import (
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
)

// askSavePath asks where to save a file, offering name in a dialog that
// lists files with the extensions exts, and calls then with the chosen
// path. The dialog creates the file; it is closed empty here, because every
// export writes through a temporary file renamed into place. errTitle heads
// the error dialog if the choice fails.
func (d *desk) askSavePath(errTitle, name string, exts []string, then func(path string)) {
	save := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			d.showTitledError(errTitle, err)
			return
		}
		if w == nil {
			return
		}
		path := w.URI().Path()
		_ = w.Close()
		then(path)
	}, d.win)
	save.SetFileName(name)
	save.SetFilter(storage.NewExtensionFileFilter(exts))
	save.Resize(fyne.NewSize(900, 600))
	save.Show()
}

// withExtension returns path ending in ext, removing the empty file the
// save dialog created under a name without it.
func withExtension(path, ext string) string {
	if strings.EqualFold(filepath.Ext(path), ext) {
		return path
	}
	_ = os.Remove(path)
	return path + ext
}
