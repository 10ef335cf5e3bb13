// Package secretsmanager is the typed model of AWS SecretsManager resources. It imports model and
// sibling model/aws packages only.
package secretsmanager
