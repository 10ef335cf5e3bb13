// Package secretsmanager adapts Terraform AWS provider resources of SecretsManager to the typed
// model in model/aws/secretsmanager.
package secretsmanager
