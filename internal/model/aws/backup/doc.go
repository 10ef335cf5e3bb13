// Package backup is the typed model of AWS Backup resources. It imports model and
// sibling model/aws packages only.
package backup
