// Package config adapts Terraform AWS provider resources of Config to the typed
// model in model/aws/config.
package config
