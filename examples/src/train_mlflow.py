# Copyright (c) Microsoft Corporation. All rights reserved.
# Licensed under the MIT License.
"""The SDK v2 version of train.py, submitted by ../v2_clean.py.

Azure ML v2 jobs are already connected to the workspace's MLflow tracking server, so metrics
go through MLflow instead of the SDK v1 Run API. The training data arrives as a job input.
"""
import argparse
import os

import joblib
import mlflow
import pandas as pd
from sklearn.linear_model import Ridge
from sklearn.metrics import mean_squared_error
from sklearn.model_selection import train_test_split

parser = argparse.ArgumentParser()
parser.add_argument("--data", type=str, help="path to the diabetes CSV file")
parser.add_argument("--alpha", type=float, default=0.5, help="regularization strength")
parser.add_argument("--output-dir", type=str, default="outputs", help="where to save the model")
args = parser.parse_args()

df = pd.read_csv(args.data)
X = df.drop(columns=["target"]).to_numpy()
y = df["target"].to_numpy()
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=0)

mlflow.log_param("alpha", args.alpha)

reg = Ridge(alpha=args.alpha)
reg.fit(X_train, y_train)

mse = mean_squared_error(reg.predict(X_test), y_test)
mlflow.log_metric("mse", mse)

os.makedirs(args.output_dir, exist_ok=True)
joblib.dump(value=reg, filename=os.path.join(args.output_dir, "model.pkl"))
