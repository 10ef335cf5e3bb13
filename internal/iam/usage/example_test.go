package usage_test

import (
	"context"
	"fmt"
	"testing/fstest"

	"github.com/vigil-sec/vigil/internal/iam/catalog"
	"github.com/vigil-sec/vigil/internal/iam/usage"
)

func Example() {
	const identity = `"userIdentity":{"type":"AssumedRole","arn":"arn:aws:sts::111122223333:assumed-role/app/i-0abc","accountId":"111122223333",
		"sessionContext":{"sessionIssuer":{"type":"Role","arn":"arn:aws:iam::111122223333:role/app","accountId":"111122223333","userName":"app"}}}`
	logs := fstest.MapFS{
		"AWSLogs/111122223333/CloudTrail/us-east-1/2024/03/01/111122223333_CloudTrail_us-east-1_20240301T0905Z_x.json": {Data: []byte(`{"Records":[
			{"eventTime":"2024-03-01T09:01:00Z","eventSource":"s3.amazonaws.com","eventName":"GetObject","awsRegion":"us-east-1",` + identity + `,
			 "requestParameters":{"bucketName":"reports","key":"2024/03/a.csv"}},
			{"eventTime":"2024-03-01T09:02:00Z","eventSource":"sqs.amazonaws.com","eventName":"SendMessage","awsRegion":"us-east-1",` + identity + `,
			 "requestParameters":{"queueUrl":"https://sqs.us-east-1.amazonaws.com/111122223333/jobs"}},
			{"eventTime":"2024-03-01T09:03:00Z","eventSource":"iam.amazonaws.com","eventName":"ListRoles","awsRegion":"us-east-1",` + identity + `,
			 "errorCode":"AccessDenied"}
		]}`)},
	}
	app, err := usage.ParseSelector("role/app")
	if err != nil {
		panic(err)
	}
	report, err := usage.Collect(context.Background(), logs, catalog.Load(), app, usage.ReadOptions{})
	if err != nil {
		panic(err)
	}
	u := report.Usage(app)
	for _, a := range u.Denied {
		fmt.Println("denied:", a.Action)
	}
	fmt.Print(string(u.Policy(usage.PolicyOptions{}).JSON()))
	// Output:
	// denied: iam:ListRoles
	// {
	//   "Version": "2012-10-17",
	//   "Statement": [
	//     {
	//       "Sid": "S3Object",
	//       "Effect": "Allow",
	//       "Action": [
	//         "s3:GetObject"
	//       ],
	//       "Resource": [
	//         "arn:aws:s3:::reports/2024/03/a.csv"
	//       ]
	//     },
	//     {
	//       "Sid": "SqsQueue",
	//       "Effect": "Allow",
	//       "Action": [
	//         "sqs:SendMessage"
	//       ],
	//       "Resource": [
	//         "arn:aws:sqs:us-east-1:111122223333:jobs"
	//       ]
	//     }
	//   ]
	// }
}
