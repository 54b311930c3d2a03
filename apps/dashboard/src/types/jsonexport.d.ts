// The browser build of jsonexport (its main entry reads Node's `os`), as react-admin's exporter imports it.
declare module 'jsonexport/dist/index.js' {
  import jsonexport from 'jsonexport';
  export default jsonexport;
}
