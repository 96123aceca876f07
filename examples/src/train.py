# Copyright (c) Microsoft Corporation. All rights reserved.
# Licensed under the MIT License.
"""Training script submitted by ../train_v1.py: ridge regression on the diabetes data set.

It logs metrics to the Azure ML run with the SDK v1 Run API and saves the model to ./outputs,
which Azure ML uploads to the run's artifacts automatically.
"""
import argparse
import os

import joblib
import numpy as np
from azureml.core.run import Run
from sklearn.datasets import load_diabetes
from sklearn.linear_model import Ridge
from sklearn.metrics import mean_squared_error
from sklearn.model_selection import train_test_split

parser = argparse.ArgumentParser()
parser.add_argument("--alpha", type=float, default=0.5, help="regularization strength")
parser.add_argument("--output-dir", type=str, default="outputs", help="where to save the model")
args = parser.parse_args()

# get hold of the current run
run = Run.get_context()

X, y = load_diabetes(return_X_y=True)
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=0)
data = {"train": {"X": X_train, "y": y_train}, "test": {"X": X_test, "y": y_test}}

print("Running train.py with alpha", args.alpha)
run.log("alpha", args.alpha)

reg = Ridge(alpha=args.alpha)
reg.fit(data["train"]["X"], data["train"]["y"])

preds = reg.predict(data["test"]["X"])
mse = mean_squared_error(preds, data["test"]["y"])
run.log("mse", mse)
run.log_list("coefficients", list(np.round(reg.coef_, 4)))

os.makedirs(args.output_dir, exist_ok=True)
model_file_name = "model.pkl"
# files saved in the "outputs" folder are automatically uploaded into run history
joblib.dump(value=reg, filename=os.path.join(args.output_dir, model_file_name))

run.complete()
