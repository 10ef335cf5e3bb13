// Package neptune is the typed model of Amazon Neptune resources. It imports
// model and sibling model/aws packages only.
package neptune
