// Package backup adapts Terraform AWS provider resources of Backup to the typed
// model in model/aws/backup.
package backup
