// Package ec2 adapts Terraform AWS provider resources of EC2 compute and EBS
// storage to the typed model in model/aws/ec2.
//
// Account-level defaults declared in the same configuration
// (aws_ebs_encryption_by_default, aws_ebs_default_kms_key,
// aws_ec2_instance_metadata_defaults) decide the defaulted values of the
// resources they govern. They are regional settings; the adapter does not
// tell provider aliases apart, so a default declared for one region is
// applied to every resource of the configuration.
//
// User data is decoded here (base64, then gzip when compressed) and scanned
// with package secret; the model keeps only the kind and line of each secret.
// Decoded user data larger than 1 MiB, far above AWS's 16 KB limit, is
// recorded as unknown rather than read on, so a gzip bomb costs at most that
// much.
package ec2
