// Package config is the typed model of AWS Config resources. It imports model and
// sibling model/aws packages only.
package config
