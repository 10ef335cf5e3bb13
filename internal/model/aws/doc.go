// Package aws is the typed state of an AWS estate: one sub-package per service,
// each holding resources with their settings joined into one value however the
// source split them. It imports model and its own sub-packages only.
package aws
