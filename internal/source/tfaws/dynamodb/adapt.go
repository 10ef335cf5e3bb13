package dynamodb

import (
	"github.com/vigil-sec/vigil/internal/model"
	"github.com/vigil-sec/vigil/internal/model/aws/dynamodb"
	kmsadapt "github.com/vigil-sec/vigil/internal/source/tfaws/kms"
	"github.com/vigil-sec/vigil/internal/source/tfres"
)

// Adapt builds the DynamoDB state from evaluated resources.
func Adapt(set *tfres.Set) dynamodb.State {
	var st dynamodb.State
	for _, r := range set.OfType("aws_dynamodb_table") {
		b := r.Body
		name := b.String("name", "")
		sse := b.Block("server_side_encryption")
		st.Tables = append(st.Tables, &dynamodb.Table{
			Resource:            r.Identity(name.Val()),
			TableName:           name,
			PointInTimeRecovery: b.Block("point_in_time_recovery").Bool("enabled", false),
			Encryption:          dynamodb.Encryption{KMS: sse.Bool("enabled", false), Key: kmsadapt.KeyRef(set, sse, "kms_key_arn")},
			DeletionProtection:  b.Bool("deletion_protection_enabled", false),
		})
	}
	// A replica is a table of its own in another region, with its own
	// recovery, key and protection settings.
	for _, r := range set.OfType("aws_dynamodb_table_replica") {
		b := r.Body
		key := kmsadapt.KeyRef(set, b, "kms_key_arn")
		// Without a key the replica uses the main table's kind of key, AWS
		// owned or AWS managed: not a customer managed key either way. A key
		// the configuration creates has an unknown ARN but is a key all the
		// same.
		kms := model.Unresolved[bool](b.Origin)
		if key.ID.IsNot("") || key.CustomerManaged.Is(true) {
			kms = model.Set(true, key.ID.Origin)
		}
		st.Tables = append(st.Tables, &dynamodb.Table{
			Resource:            r.Identity(""),
			TableName:           model.Unresolved[string](b.Origin),
			PointInTimeRecovery: b.Bool("point_in_time_recovery", false),
			Encryption:          dynamodb.Encryption{KMS: kms, Key: key},
			DeletionProtection:  b.Bool("deletion_protection_enabled", false),
			Replica:             true,
		})
	}
	for _, r := range set.OfType("aws_dax_cluster") {
		b := r.Body
		name := b.String("cluster_name", "")
		st.DAXClusters = append(st.DAXClusters, &dynamodb.DAXCluster{
			Resource:           r.Identity(name.Val()),
			ClusterName:        name,
			AtRestEncryption:   b.Block("server_side_encryption").Bool("enabled", false),
			EndpointEncryption: b.String("cluster_endpoint_encryption_type", "NONE"),
		})
	}
	return st
}
