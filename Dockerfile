# The application image: the Flask site and API under gunicorn, and the repo-app command.
FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 REPO_INSTANCE=/data
WORKDIR /app
COPY pyproject.toml README.md ./
COPY schemas schemas
COPY indexer indexer
COPY repo_app repo_app
RUN pip install --no-cache-dir .
COPY corpus_samples corpus_samples
VOLUME /data
EXPOSE 8000
CMD ["gunicorn", "--bind", "0.0.0.0:8000", "--workers", "2", "--threads", "4", "repo_app.wsgi:app"]
