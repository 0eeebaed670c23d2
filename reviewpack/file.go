package reviewpack

// FileExt is the file name ending a review package is saved with: the
// dialogs offer it (and .json, which a package is too).
const FileExt = ".pdpack"
