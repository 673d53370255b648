"""The deploy guide's files (deploy/): the ones docs/deploy.md installs, valid for the tools
that read them, and starting what the README's production steps run."""

import configparser
import os
import re
import shlex
import shutil
import subprocess

import pytest

from .production import ROOT, is_service, production_steps

DEPLOY = ROOT / "deploy"
GUIDE = ROOT / "docs" / "deploy.md"
UNITS = ["collabmodel-web.service", "collabmodel-worker.service"]
INSTALLED_AT = "/srv/collabmodel"
SECRET = "a-production-secret-read-from-a-file-" + "x7Qp2Lr9Vt4Wm8Zk3Hs6Jd1Nf5Bc0Gy"


def needs(tool):
    """scripts/test installs the tools, so CI checks every file; elsewhere a missing one skips."""
    if shutil.which(tool) is None:
        if os.environ.get("CI"):
            pytest.fail(f"{tool} is not installed")
        pytest.skip(f"{tool} is not installed")


def test_the_guide_installs_every_file_in_deploy_and_no_other():
    named = set(re.findall(r"\bdeploy/([\w.-]+\.\w+)", GUIDE.read_text()))
    assert named == {path.name for path in DEPLOY.iterdir()}


def unit(name):
    parser = configparser.ConfigParser(strict=False, interpolation=None)
    parser.optionxform = str
    parser.read(DEPLOY / name)
    return parser


def test_the_services_run_what_the_readme_runs():
    services = [command for command in production_steps()[1] if is_service(command)]
    started = [shlex.split(unit(name)["Service"]["ExecStart"]) for name in UNITS]
    assert started == [[f"{INSTALLED_AT}/{command[0]}", *command[1:]] for command in services]
    for name in UNITS:
        assert unit(name)["Service"]["WorkingDirectory"] == INSTALLED_AT


def test_the_units_are_valid_for_systemd(tmp_path):
    needs("systemd-analyze")
    for name in UNITS:  # installed where the repository is checked out here
        text = (DEPLOY / name).read_text().replace(INSTALLED_AT, str(ROOT))
        (tmp_path / name).write_text(text)
    result = subprocess.run(  # noqa: S603
        ["systemd-analyze", "verify", *(str(tmp_path / name) for name in UNITS)],  # noqa: S607
        capture_output=True,
        text=True,
        check=False,
    )
    assert (result.returncode, result.stdout + result.stderr) == (0, "")


def test_the_nginx_site_is_valid_for_nginx(tmp_path):
    needs("nginx")
    subprocess.run(  # noqa: S603
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",  # noqa: S607
         "-subj", "/CN=collab.example.org", "-keyout", str(tmp_path / "privkey.pem"),
         "-out", str(tmp_path / "fullchain.pem")],
        capture_output=True,
        check=True,
    )  # fmt: skip
    site = (DEPLOY / "nginx.conf").read_text()
    site = site.replace("/etc/letsencrypt/live/collab.example.org", str(tmp_path))
    site = site.replace("/var/log/nginx", str(tmp_path))
    (tmp_path / "site.conf").write_text(site)
    (tmp_path / "nginx.conf").write_text(
        f"pid {tmp_path}/nginx.pid;\nerror_log {tmp_path}/error.log;\nevents {{}}\n"
        f"http {{\n  include /etc/nginx/mime.types;\n  include {tmp_path}/site.conf;\n}}\n"
    )
    result = subprocess.run(  # noqa: S603
        ["nginx", "-t", "-c", str(tmp_path / "nginx.conf"), "-e", str(tmp_path / "error.log")],  # noqa: S607
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "syntax is ok" in result.stderr


def test_the_nginx_site_forwards_what_the_app_needs():
    site = (DEPLOY / "nginx.conf").read_text()
    for header in [
        "proxy_set_header Host $host;",
        "proxy_set_header X-Forwarded-Proto $scheme;",
        "proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;",
    ]:
        assert header in site
    assert "server 127.0.0.1:8000;" in site
    assert re.search(r'^bind = "127.0.0.1:8000"$', (DEPLOY / "gunicorn.conf.py").read_text(), re.M)


def test_the_settings_file_and_secret_files_pass_the_deployment_checks(tmp_path):
    """What the guide puts in /etc/collabmodel/, read by deploy/manage.sh as by the units."""
    shutil.copy(DEPLOY / "collabmodel.env", tmp_path / "collabmodel.env")
    (tmp_path / "secret_key").write_text(SECRET + "\n")
    (tmp_path / "database_url").write_text(os.environ["DATABASE_URL"] + "\n")
    (tmp_path / "email_host_password").write_text("mail password\n")
    environment = {
        name: value
        for name, value in os.environ.items()
        if name
        not in {"DEBUG", "SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    } | {"COLLABMODEL_CONFIG": str(tmp_path)}
    result = subprocess.run(  # noqa: S603
        [DEPLOY / "manage.sh", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=tmp_path,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout
