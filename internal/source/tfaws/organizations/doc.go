// Package organizations adapts Terraform AWS provider resources of AWS
// Organizations to the typed model in model/aws/organizations: the
// organization, its OUs and accounts placed under their parents, and its
// policies joined with their attachments.
package organizations
