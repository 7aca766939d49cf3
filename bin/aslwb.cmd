@echo off
rem Runs the ASL Workbench CLI (and "aslwb gui") from the Maven build on Windows; builds it first if needed.
setlocal
set "ROOT=%~dp0.."
if not exist "%ROOT%\target\classpath.txt" (
  echo aslwb: building ^(first run^)... 1>&2
  pushd "%ROOT%" && call mvn -B -q -DskipTests package -Dspotless.check.skip=true 1>&2 & popd
)
set /p CP=<"%ROOT%\target\classpath.txt"
java -Xmx8g -Daslwb.home="%ROOT%" -Dorg.bytedeco.javacpp.maxbytes=8G -Dorg.bytedeco.javacpp.maxphysicalbytes=16G -cp "%ROOT%\target\classes;%CP%" org.aslwb.cli.Aslwb %*
